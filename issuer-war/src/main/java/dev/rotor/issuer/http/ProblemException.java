package dev.rotor.issuer.http;


/** Ends a request with an RFC 9457 problem whose text is ours. */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(new Problem(400, "Bad Request", detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(new Problem(404, "Not Found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem(409, "Conflict", detail));
    }

    public Problem problem() {
        return problem;
    }
}
