package dev.rotor.filter.authentication;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What container security writes through the wrapper: Rotor's answers instead of the server's error pages. */
class ChallengingResponseTest {

    private final ServletFakes.Answer answer = new ServletFakes.Answer();
    private final ChallengingResponse response = new ChallengingResponse(answer.response(), new Challenges("shop"));

    @Test
    void aContainer401BecomesABareBearerChallengeWithAProblemBody() throws IOException {
        response.sendError(401);

        assertEquals(401, answer.status);
        assertEquals("Bearer realm=\"shop\"", answer.headers.get("WWW-Authenticate"));
        assertEquals("no-store", answer.headers.get("Cache-Control"));
        assertEquals("application/problem+json", answer.headers.get("Content-Type"));
        assertTrue(answer.body().contains("\"status\":401"), answer.body());
    }

    @Test
    void aContainer403BecomesInsufficientScopeWithAProblemBody() throws IOException {
        response.sendError(403, "Access forbidden: role not allowed");

        assertEquals(403, answer.status);
        assertEquals("Bearer realm=\"shop\", error=\"insufficient_scope\"", answer.headers.get("WWW-Authenticate"));
        assertEquals("application/problem+json", answer.headers.get("Content-Type"));
        assertTrue(!answer.body().contains("role not allowed"), "the server's text is not passed on");
    }

    @Test
    void aStatusTheApplicationSetsGainsOnlyTheChallengeHeader() {
        response.setStatus(401);
        assertEquals("Bearer realm=\"shop\"", answer.headers.get("WWW-Authenticate"));
        assertEquals("", answer.body(), "the application writes the body");
    }

    @Test
    void otherStatusesPassUntouched() throws IOException {
        response.setStatus(200);
        assertNull(answer.headers.get("WWW-Authenticate"));
        assertNull(answer.headers.get("Cache-Control"), "a public answer is not made uncacheable");

        response.sendError(404);
        assertEquals(404, answer.status);
        assertNull(answer.headers.get("WWW-Authenticate"));
    }
}
