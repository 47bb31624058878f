package dev.rotor.filter.authentication.signin;

import dev.rotor.filter.configuration.InvalidSettingException;
import dev.rotor.filter.configuration.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SignInConfigTest {

    private static SignInConfig from(Map<String, String> values) {
        return SignInConfig.from(Settings.from(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void bearerIsTheDefaultAndNeedsNoClient() {
        SignInConfig config = from(Map.of());
        assertEquals(SignInMode.BEARER, config.mode());
        assertFalse(config.browser());
        assertEquals("/rotor/callback", config.redirectPath());
        assertEquals("/rotor/logout", config.logoutPath());
        assertEquals("/", config.postLogoutPath());
    }

    @Test
    void browserModeNeedsAClientAndSafePaths() {
        assertEquals(SignInConfig.CLIENT_ID, assertThrows(InvalidSettingException.class,
                () -> from(Map.of(SignInConfig.MODE, "browser"))).key());
        assertEquals(SignInConfig.MODE, assertThrows(InvalidSettingException.class,
                () -> from(Map.of(SignInConfig.MODE, "cookies"))).key());
        for (String path : new String[] {"callback", "//evil/cb", "/a/../b", "/a b", "/a?x"}) {
            assertEquals(SignInConfig.REDIRECT_PATH, assertThrows(InvalidSettingException.class, () -> from(Map.of(
                    SignInConfig.MODE, "browser", SignInConfig.CLIENT_ID, "web", SignInConfig.REDIRECT_PATH, path)))
                    .key(), path);
        }
        assertEquals(SignInConfig.BASE_URL, assertThrows(InvalidSettingException.class, () -> from(Map.of(
                SignInConfig.MODE, "both", SignInConfig.CLIENT_ID, "web", SignInConfig.BASE_URL,
                "https://app.example/path"))).key());
        assertEquals(SignInConfig.SCOPES, assertThrows(InvalidSettingException.class, () -> from(Map.of(
                SignInConfig.MODE, "both", SignInConfig.CLIENT_ID, "web", SignInConfig.SCOPES, "profile"))).key());
        assertEquals(SignInMode.BOTH, from(Map.of(SignInConfig.MODE, "both", SignInConfig.CLIENT_ID, "web")).mode());
    }
}
