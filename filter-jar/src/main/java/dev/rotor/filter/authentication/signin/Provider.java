package dev.rotor.filter.authentication.signin;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The issuer as the relying party talks to it: its metadata, discovered on first use and kept once found, and the
 * back-channel calls.
 */
final class Provider {

    private final URI discovery;
    private final String issuer;
    private final IssuerCalls calls;
    private final AtomicReference<ProviderMetadata> metadata = new AtomicReference<>();

    Provider(URI discovery, String issuer, SignInConfig config, Duration timeout) {
        this.discovery = discovery;
        this.issuer = issuer;
        this.calls = new IssuerCalls(config, timeout);
    }

    /** @throws IssuerUnreachableException if the issuer's metadata cannot be had yet */
    ProviderMetadata metadata() {
        ProviderMetadata known = metadata.get();
        if (known == null) {
            known = calls.discover(discovery, issuer);
            metadata.set(known);
        }
        return known;
    }

    String issuer() {
        return issuer;
    }

    IssuerCalls calls() {
        return calls;
    }
}
