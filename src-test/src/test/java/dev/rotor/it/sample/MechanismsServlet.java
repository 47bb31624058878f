package dev.rotor.it.sample;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** How many Jakarta Security mechanism beans the application holds: the filter jar's, unless FilterOnly left it out. */
@WebServlet("/mechanisms")
public class MechanismsServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long count = CDI.current().getBeanManager().getBeans(HttpAuthenticationMechanism.class).size();
        response.setContentType("text/plain");
        response.getWriter().print(count);
    }
}
