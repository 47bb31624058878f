package dev.rotor.filter.authentication.signin;

import dev.rotor.filter.configuration.InvalidSettingException;
import dev.rotor.filter.configuration.Settings;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The browser sign-in settings of {@code JwtFilter}, read from the same source as the verifier's and validated at
 * deployment: a bad value stops it with a message that names the key.
 *
 * @param mode           {@code rotor.mode}: {@code bearer} (default), {@code browser} or {@code both}
 * @param clientId       {@code rotor.client-id}, the client registered at the issuer (required unless bearer)
 * @param clientSecret   {@code rotor.client-secret}, or {@code null} for a public client (PKCE alone)
 * @param redirectPath   {@code rotor.redirect-path}, where the issuer sends the browser back (default
 *                       {@code /rotor/callback}); {@code {base-url}{context}{path}} must be a registered redirect URI
 * @param logoutPath     {@code rotor.logout-path}, a POST here signs out everywhere (default {@code /rotor/logout})
 * @param postLogoutPath {@code rotor.post-logout-path}, where the issuer sends the browser after logout (default
 *                       {@code /}); must be a registered post-logout redirect URI the same way
 * @param baseUrl        {@code rotor.base-url}, the application's origin as browsers see it, e.g.
 *                       {@code https://app.example}; {@code null} to take it from each request (the issuer matches
 *                       the result against the registered URIs exactly, so a forged {@code Host} only fails)
 * @param scopes         {@code rotor.scopes}, default {@code openid profile email}
 */
public record SignInConfig(SignInMode mode, String clientId, String clientSecret, String redirectPath,
                           String logoutPath, String postLogoutPath, URI baseUrl, List<String> scopes) {

    public static final String MODE = "rotor.mode";
    public static final String CLIENT_ID = "rotor.client-id";
    public static final String CLIENT_SECRET = "rotor.client-secret";
    public static final String REDIRECT_PATH = "rotor.redirect-path";
    public static final String LOGOUT_PATH = "rotor.logout-path";
    public static final String POST_LOGOUT_PATH = "rotor.post-logout-path";
    public static final String BASE_URL = "rotor.base-url";
    public static final String SCOPES = "rotor.scopes";

    private static final Pattern CLIENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]{0,255}");
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}");

    public SignInConfig {
        scopes = List.copyOf(scopes);
    }

    /** @throws InvalidSettingException naming the first bad key */
    public static SignInConfig from(Settings settings) {
        SignInMode mode = settings.oneOf(MODE, SignInMode.class, SignInMode.BEARER);
        String clientId = settings.optional(CLIENT_ID).orElse(null);
        if (mode != SignInMode.BEARER && (clientId == null || !CLIENT.matcher(clientId).matches())) {
            throw new InvalidSettingException(CLIENT_ID, "is required in browser mode: the client_id registered at "
                    + "the issuer (letters, digits and ._-)");
        }
        URI baseUrl = settings.optional(BASE_URL).map(url -> settings.httpUri(BASE_URL, url)).orElse(null);
        if (baseUrl != null && !(baseUrl.getRawPath() == null || baseUrl.getRawPath().isEmpty())) {
            throw new InvalidSettingException(BASE_URL, "must be an origin such as https://app.example, without a path");
        }
        List<String> scopes = Arrays.asList(settings.string(SCOPES, "openid profile email").split(" +"));
        if (!scopes.contains("openid") || !scopes.stream().allMatch(scope -> SCOPE.matcher(scope).matches())) {
            throw new InvalidSettingException(SCOPES, "must be space-separated scopes that include openid");
        }
        return new SignInConfig(mode, clientId, settings.optional(CLIENT_SECRET).orElse(null),
                path(settings, REDIRECT_PATH, "/rotor/callback"), path(settings, LOGOUT_PATH, "/rotor/logout"),
                path(settings, POST_LOGOUT_PATH, "/"), baseUrl, scopes);
    }

    public boolean browser() {
        return mode != SignInMode.BEARER;
    }

    private static String path(Settings settings, String key, String defaultValue) {
        String path = settings.string(key, defaultValue);
        if (!PATH.matcher(path).matches() || path.contains("//") || path.contains("/./") || path.contains("/../")) {
            throw new InvalidSettingException(key, "must be a path such as " + defaultValue);
        }
        return path;
    }

    @Override
    public String toString() {
        return "SignInConfig[" + mode + ", " + clientId + ", secret=" + (clientSecret != null) + "]";
    }
}
