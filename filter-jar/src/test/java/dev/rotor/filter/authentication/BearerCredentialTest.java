package dev.rotor.filter.authentication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class BearerCredentialTest {

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def.ghi", "bearer abc.def.ghi", "BEARER abc.def.ghi", "  Bearer   abc.def.ghi  "})
    void schemeIsCaseInsensitive(String header) {
        BearerCredential credential = BearerCredential.parse(List.of(header));
        assertEquals(new BearerCredential.Token("abc.def.ghi"), credential);
    }

    @Test
    void noHeaderIsMissing() {
        assertInstanceOf(BearerCredential.Missing.class, BearerCredential.parse(List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic YWxpY2U6eA==", "Digest username=x", "Negotiate abc", "Bearerabc.def.ghi"})
    void otherSchemesAreTreatedAsNoBearerToken(String header) {
        assertInstanceOf(BearerCredential.Missing.class, BearerCredential.parse(List.of(header)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer a b", "Bearer a\tb c"})
    void bareOrSplitBearerIsMalformed(String header) {
        assertInstanceOf(BearerCredential.Malformed.class, BearerCredential.parse(List.of(header)));
    }

    @Test
    void aRequestsHeadersAreReadOnceEach() {
        assertEquals(new BearerCredential.Token("a.b.c"),
                BearerCredential.of(ServletFakes.request("/", "Bearer a.b.c")));
        assertInstanceOf(BearerCredential.Missing.class, BearerCredential.of(ServletFakes.request("/")));
        assertInstanceOf(BearerCredential.Malformed.class,
                BearerCredential.of(ServletFakes.request("/", "Bearer a.b.c", "Bearer d.e.f")));
    }

    @Test
    void twoAuthorizationHeadersAreMalformed() {
        assertInstanceOf(BearerCredential.Malformed.class,
                BearerCredential.parse(List.of("Bearer a.b.c", "Bearer d.e.f")));
    }
}
