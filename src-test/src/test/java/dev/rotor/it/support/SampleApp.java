package dev.rotor.it.support;

import dev.rotor.filter.authentication.JwtFilter;
import dev.rotor.it.sample.SampleApplication;
import dev.rotor.it.sample.SampleErrors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A sample enterprise application WAR with rotor-filter and its dependencies in WEB-INF/lib, exactly as a customer
 * would ship it, protected either by the filter or by the mechanism.
 */
public final class SampleApp {

    private SampleApp() {
    }

    /** Protected by {@code JwtFilter}, declared in web.xml with {@code settings} as init-params. */
    public static WebArchive withFilter(Map<String, String> settings) {
        // without an ExceptionMapper of its own, so container errors get Rotor's answers
        return base("sample-filter.war").deleteClass(SampleErrors.class)
                .setWebXML(new StringAsset(webXml(filterDeclaration(settings))));
    }

    /** The web.xml elements that declare {@code JwtFilter} on every path, with {@code settings} as init-params. */
    public static String filterDeclaration(Map<String, String> settings) {
        String params = settings.entrySet().stream()
                .map(e -> "      <init-param><param-name>" + e.getKey() + "</param-name><param-value>" + e.getValue()
                        + "</param-value></init-param>")
                .collect(Collectors.joining("\n"));
        return """
                  <filter>
                    <filter-name>rotor</filter-name>
                    <filter-class>dev.rotor.filter.authentication.JwtFilter</filter-class>
                %s
                  </filter>
                  <filter-mapping>
                    <filter-name>rotor</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                """.formatted(params);
    }

    /**
     * Protected by {@code JwtAuthenticationMechanism}, configured with {@code settings} as context-params, and with
     * an ExceptionMapper of its own, as many applications have.
     */
    public static WebArchive withMechanism(Map<String, String> settings) {
        String params = settings.entrySet().stream()
                .map(e -> "  <context-param><param-name>" + e.getKey() + "</param-name><param-value>" + e.getValue()
                        + "</param-value></context-param>")
                .collect(Collectors.joining("\n"));
        return base("sample-mechanism.war").setWebXML(new StringAsset(webXml(params + """

                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>servlet</web-resource-name>
                      <url-pattern>/servlet/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>user</role-name></auth-constraint>
                  </security-constraint>
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>any caller</web-resource-name>
                      <url-pattern>/signed-in/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>**</role-name></auth-constraint>
                  </security-constraint>
                  <security-role><role-name>user</role-name></security-role>
                  <security-role><role-name>admin</role-name></security-role>
                """)));
    }

    /**
     * Protected by {@code JwtFilter} in browser mode (OpenID Connect sign-in), with {@code settings} as init-params
     * and its own session cookie name, so several such applications on one host keep their sessions apart.
     */
    public static WebArchive withBrowserSignIn(String name, Map<String, String> settings, String sessionCookie) {
        String params = settings.entrySet().stream()
                .map(e -> "      <init-param><param-name>" + e.getKey() + "</param-name><param-value>" + e.getValue()
                        + "</param-value></init-param>")
                .collect(Collectors.joining("\n"));
        return base(name + ".war").deleteClass(SampleErrors.class).setWebXML(new StringAsset(webXml("""
                  <filter>
                    <filter-name>rotor</filter-name>
                    <filter-class>dev.rotor.filter.authentication.JwtFilter</filter-class>
                %s
                  </filter>
                  <filter-mapping>
                    <filter-name>rotor</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                  <session-config><cookie-config><name>%s</name></cookie-config></session-config>
                """.formatted(params, sessionCookie))));
    }

    /**
     * A plain Jakarta EE 10 application with no Rotor code, signing users in with the platform's own
     * {@code @OpenIdAuthenticationMechanismDefinition}; {@code config} becomes its MicroProfile Config file.
     */
    public static WebArchive plainOpenIdConnect(Map<String, String> config) {
        String properties = config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        return ShrinkWrap.create(WebArchive.class, "oidc-app.war")
                .addPackage(dev.rotor.it.oidcapp.OidcApplication.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties")
                .setWebXML(new StringAsset(webXml("""
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>protected</web-resource-name>
                      <url-pattern>/protected</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>**</role-name></auth-constraint>
                  </security-constraint>
                  <session-config><cookie-config><name>OIDCAPP</name></cookie-config></session-config>
                """)));
    }

    private static WebArchive base(String name) {
        return withRotorLibraries(ShrinkWrap.create(WebArchive.class, name)
                .addPackage(SampleApplication.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml"));
    }

    /** Adds rotor-filter and its dependencies to WEB-INF/lib, as a customer's build would. */
    public static WebArchive withRotorLibraries(WebArchive war) {
        return war.addAsLibrary(rotorFilterJar())
                .addAsLibraries(Maven.resolver().loadPomFromFile("../filter-jar/pom.xml")
                        .importCompileAndRuntimeDependencies().resolve().withTransitivity().asFile());
    }

    /** RESTEasy (WildFly) enforces {@code @RolesAllowed} only when asked to; Jersey (Payara, GlassFish) ignores it. */
    public static String webXml(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param>
                    <param-name>resteasy.role.based.security</param-name><param-value>true</param-value>
                  </context-param>
                %s
                </web-app>
                """.formatted(body);
    }

    /** The rotor-filter the reactor built: its jar, or its classes folder when run from an IDE. */
    private static JavaArchive rotorFilterJar() {
        try {
            File built = new File(JwtFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return built.isDirectory()
                    ? ShrinkWrap.create(ExplodedImporter.class, "rotor-filter.jar").importDirectory(built).as(JavaArchive.class)
                    : ShrinkWrap.create(ZipImporter.class, "rotor-filter.jar").importFrom(built).as(JavaArchive.class);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
