package dev.rotor.issuer.tokens.boundary;

import dev.rotor.issuer.revocation.control.RevocationUnavailableException;
import dev.rotor.filter.verification.BackendUnavailableException;
import dev.rotor.issuer.keys.control.SigningUnavailableException;
import dev.rotor.issuer.tokens.control.SessionStoreUnavailableException;
import dev.rotor.issuer.tokens.entity.OAuthErrorException;
import dev.rotor.issuer.users.control.ThrottleUnavailableException;
import dev.rotor.issuer.users.control.UserStoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Turns "a back end we need is down" into the OAuth answer {@code 503 temporarily_unavailable}: no token that was
 * not recorded is issued, and no revocation that did not happen is reported.
 */
@ApplicationScoped
public class Unavailability {

    private static final Logger LOG = Logger.getLogger(Unavailability.class.getName());

    public <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (SessionStoreUnavailableException | UserStoreUnavailableException | RevocationUnavailableException
                 | SigningUnavailableException | BackendUnavailableException | ThrottleUnavailableException e) {
            LOG.warning(() -> "ROTOR-T104 request refused, a back end is unavailable: " + e.getClass().getSimpleName());
            throw OAuthErrorException.temporarilyUnavailable();
        }
    }

    public void guard(Runnable work) {
        guard(() -> {
            work.run();
            return null;
        });
    }
}
