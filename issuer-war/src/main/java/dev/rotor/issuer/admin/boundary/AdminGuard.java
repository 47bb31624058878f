package dev.rotor.issuer.admin.boundary;

import dev.rotor.issuer.http.ProblemException;
import dev.rotor.issuer.users.control.PasswordHasher;
import dev.rotor.issuer.users.control.PasswordRejectedException;
import dev.rotor.issuer.users.control.UnknownUserException;
import dev.rotor.issuer.users.entity.InvalidGroupException;
import dev.rotor.issuer.users.entity.InvalidProfileException;
import dev.rotor.issuer.clients.entity.InvalidClientException;
import dev.rotor.issuer.users.entity.InvalidUsernameException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Maps what administration refuses to problem details: bad input 400, unknown user 404. An unavailable back end
 * passes through to the one 503 mapping.
 */
@ApplicationScoped
public class AdminGuard {

    public <T> T available(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidUsernameException e) {
            throw ProblemException.badRequest("Not a valid username");
        } catch (InvalidProfileException e) {
            throw ProblemException.badRequest("name must be 1-128 characters and email an address of at most 254");
        } catch (InvalidClientException e) {
            throw ProblemException.badRequest(e.getMessage());
        } catch (InvalidGroupException e) {
            throw ProblemException.badRequest("Not a valid list of groups");
        } catch (PasswordRejectedException e) {
            throw ProblemException.badRequest("The password must be 1 to " + PasswordHasher.MAX_LENGTH + " characters");
        } catch (UnknownUserException e) {
            throw ProblemException.notFound("No such user");
        }
    }

    public void available(Runnable work) {
        available(() -> {
            work.run();
            return null;
        });
    }
}
