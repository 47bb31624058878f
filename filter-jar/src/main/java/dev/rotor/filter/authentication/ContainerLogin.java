package dev.rotor.filter.authentication;

import dev.rotor.filter.configuration.Settings;

/**
 * Whether {@link JwtFilter} logs each verified caller in to the container ({@code rotor.container-login}).
 * <p>
 * {@link #ON}, the default: through {@code request.authenticate()} and {@link JwtAuthenticationMechanism}, so
 * container security ({@code @RolesAllowed}, {@code @ServletSecurity}, {@code SecurityContext}) sees the caller.
 * That is a second pass through Jakarta Authentication on every request; the first is the container's own, run for
 * every application holding a mechanism bean (BENCHMARKS.md, "HTTP verifiers under wrk").
 * <p>
 * {@link #OFF}: the filter only hands the application a request that answers {@code getUserPrincipal()},
 * {@code getRemoteUser()}, {@code isUserInRole()} and {@code getAuthType()} from the token. Container security does
 * not see that caller: use it where the filter's own {@code rotor.protected-paths} and {@code rotor.required-roles}
 * are the access rules, not where {@code @RolesAllowed} must hold.
 */
public enum ContainerLogin {
    ON,
    OFF;

    public static final String KEY = "rotor.container-login";

    /** @throws dev.rotor.filter.configuration.InvalidSettingException if the value is neither on nor off */
    static ContainerLogin from(Settings settings) {
        return settings.oneOf(KEY, ContainerLogin.class, ON);
    }
}
