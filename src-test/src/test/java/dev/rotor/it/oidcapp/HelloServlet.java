package dev.rotor.it.oidcapp;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The protected page (web.xml requires any authenticated caller): who the platform says signed in. */
@WebServlet({"/protected", "/callback"})
public class HelloServlet extends HttpServlet {

    @Inject
    OpenIdContext context;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        String name = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
        String email = context.getClaims().getEmail().orElse("");
        response.getWriter().print("<!DOCTYPE html><html><body><p>Hello <strong id=\"who\">"
                + name.replace("<", "&lt;") + "</strong> <span id=\"email\">" + email.replace("<", "&lt;")
                + "</span> user-role <span id=\"user-role\">" + request.isUserInRole("user") + "</span></p>"
                + "</body></html>");
    }
}
