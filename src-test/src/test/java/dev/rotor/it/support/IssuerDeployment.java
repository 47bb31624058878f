package dev.rotor.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The issuer WAR that the build produced, with a MicroProfile Config file added for one test scenario. */
public final class IssuerDeployment {

    private IssuerDeployment() {
    }

    /** The built issuer, deployed at "/" (ROOT.war), configured with {@code settings}. */
    public static WebArchive issuer(Map<String, String> settings) {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, builtIssuerWar());
        String properties = new TreeMap<>(settings).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        war.addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(war);
    }

    /** Writes {@code war} under target/ so a second Payara Micro process can deploy the very same archive. */
    public static File export(WebArchive war, String name) {
        return export(war, name, "ROOT.war");
    }

    /** Like {@link #export(WebArchive, String)} under a file name of its own: Payara names an application after it. */
    public static File export(WebArchive war, String name, String fileName) {
        File file = Path.of(System.getProperty("java.io.tmpdir"), "it-wars", name, fileName).toFile();
        file.getParentFile().mkdirs();
        war.as(ZipExporter.class).exportTo(file, true);
        return file;
    }

    private static File builtIssuerWar() {
        String path = System.getProperty("rotor.it.issuerWar");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("rotor.it.issuerWar must point at the built issuer WAR; run through mvn verify");
        }
        return new File(path);
    }
}
