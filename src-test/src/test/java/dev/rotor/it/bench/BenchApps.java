package dev.rotor.it.bench;

import dev.rotor.filter.authentication.ContainerLogin;
import dev.rotor.filter.authentication.FilterOnly;
import dev.rotor.it.bench.app.HelloApplication;
import dev.rotor.it.bench.app.HelloResource;
import dev.rotor.it.bench.app.MpJwtApplication;
import dev.rotor.it.bench.app.UserHelloResource;
import dev.rotor.it.support.SampleApp;
import dev.rotor.it.support.TestTokens;
import jakarta.enterprise.inject.spi.Extension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmarked WARs: the same trivial GET at {@code /api/hello}, guarded four ways. The filter guards every path
 * itself, as it is meant to be used; the mechanism and MP-JWT guard it the container's way, with
 * {@code @RolesAllowed("user")} ({@link UserHelloResource}), since MP-JWT refuses web.xml security constraints. Only
 * the two Rotor variants carry rotor-filter in WEB-INF/lib; with it present, Jakarta Security runs its mechanism on
 * every request of the application, which the unprotected baseline must not pay for.
 */
final class BenchApps {

    static final String PATH = "/api/hello";

    private BenchApps() {
    }

    static WebArchive of(Variant variant, TestTokens tokens, String redisUrl) {
        return switch (variant) {
            case UNPROTECTED -> base("unprotected.war", HelloApplication.class, HelloResource.class);
            case FILTER -> filter("filter.war", tokens.verifierSettings(redisUrl));
            case FILTER_NO_LOGIN -> filter("filter-no-login.war", withoutContainerLogin(tokens, redisUrl));
            case FILTER_ONLY -> filter("filter-only.war", withoutContainerLogin(tokens, redisUrl))
                    .addAsResource(new StringAsset(FilterOnly.class.getName() + "\n"),
                            "META-INF/services/" + Extension.class.getName());
            case MECHANISM -> SampleApp.withRotorLibraries(base("mechanism.war", HelloApplication.class,
                            UserHelloResource.class))
                    .setWebXML(new StringAsset(SampleApp.webXml(
                            params(tokens.verifierSettings(redisUrl), "context-param", "  "))));
            case MP_JWT -> base("mpjwt.war", MpJwtApplication.class, UserHelloResource.class)
                    .addAsResource(new StringAsset(String.join("\n",
                            "mp.jwt.verify.publickey.location=" + tokens.issuer() + "/.well-known/jwks.json",
                            "mp.jwt.verify.issuer=" + tokens.issuer(),
                            "mp.jwt.verify.audiences=" + TestTokens.AUDIENCE, "")),
                            "META-INF/microprofile-config.properties")
                    // Payara's own switch: Rotor's tokens are RFC 9068 "at+jwt", which MP-JWT refuses by default
                    .addAsResource(new StringAsset("disable.type.verification=true\n"), "payara-mp-jwt.properties");
        };
    }

    private static Map<String, String> withoutContainerLogin(TestTokens tokens, String redisUrl) {
        Map<String, String> settings = new HashMap<>(tokens.verifierSettings(redisUrl));
        settings.put(ContainerLogin.KEY, "off");
        return settings;
    }

    private static WebArchive filter(String name, Map<String, String> settings) {
        return SampleApp.withRotorLibraries(base(name, HelloApplication.class, HelloResource.class))
                .setWebXML(new StringAsset(SampleApp.webXml(SampleApp.filterDeclaration(settings))));
    }

    private static WebArchive base(String name, Class<?> application, Class<?> resource) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addClasses(application, resource)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    private static String params(Map<String, String> settings, String element, String indent) {
        return settings.entrySet().stream()
                .map(e -> indent + "<" + element + "><param-name>" + e.getKey() + "</param-name><param-value>"
                        + e.getValue() + "</param-value></" + element + ">")
                .collect(Collectors.joining("\n"));
    }
}
