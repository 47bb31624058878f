package dev.rotor.it.sample;

import dev.rotor.filter.authentication.signin.BrowserSignIn;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A page of a browser-mode application: who is signed in, a logout button, and, for the test only, the session's
 * access token (a real application uses it server-side and never writes it into a page).
 */
@WebServlet("/servlet/page")
public class PageServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object token = request.getAttribute(BrowserSignIn.ACCESS_TOKEN_ATTRIBUTE);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().print("""
                <!DOCTYPE html>
                <html lang="en"><head><title>Sample</title></head><body>
                <h1>Sample application</h1>
                <p>Signed in as <strong id="who">%s</strong>, user role <span id="user-role">%s</span></p>
                <form id="logout" method="post" action="/rotor/logout"><button type="submit">Log out</button></form>
                <p>Test only: <code id="token">%s</code></p>
                </body></html>
                """.formatted(escape(request.getRemoteUser()), request.isUserInRole("user"),
                escape(token == null ? "" : token.toString())));
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
