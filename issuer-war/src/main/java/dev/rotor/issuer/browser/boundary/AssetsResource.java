package dev.rotor.issuer.browser.boundary;

import dev.rotor.issuer.http.HtmlPages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /login/style.css}: the pages' only style sheet, served by us so the CSP can stay
 * {@code default-src 'self'} without inline styles. The pages have no script at all.
 */
@Path("login/{name: style\\.css}")
public class AssetsResource {

    private static final Map<String, String> TYPES = Map.of("style.css", "text/css;charset=UTF-8");
    private static final Map<String, byte[]> CONTENT = Map.of("style.css", load("style.css"));

    @GET
    public Response asset(@PathParam("name") String name) {
        byte[] content = CONTENT.get(name);
        if (content == null) {
            throw new NotFoundException();
        }
        return HtmlPages.secured(Response.ok(content, TYPES.get(name))).build();
    }

    private static byte[] load(String name) {
        try (InputStream in = AssetsResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing asset " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
