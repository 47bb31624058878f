package dev.rotor.it.sample;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The Jackson version the application itself sees, if it brings one: the filter jar must bring none of its own. */
@WebServlet("/jackson-version")
public class JacksonVersionServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String version;
        try {
            Class<?> packageVersion = Class.forName("com.fasterxml.jackson.databind.cfg.PackageVersion", true,
                    Thread.currentThread().getContextClassLoader());
            version = String.valueOf(packageVersion.getField("VERSION").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            version = "none";
        }
        response.setContentType("text/plain");
        response.getWriter().print(version);
    }
}
