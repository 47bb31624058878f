package dev.rotor.it.sample;

import dev.rotor.filter.authentication.JwtFilter;
import dev.rotor.filter.verification.VerifiedToken;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Shows what the application sees of the caller. */
@WebServlet({"/servlet/whoami", "/signed-in/whoami"})
public class WhoAmIServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        VerifiedToken token = (VerifiedToken) request.getAttribute(JwtFilter.TOKEN_ATTRIBUTE);
        response.setContentType("text/plain");
        response.getWriter().print("user=" + request.getRemoteUser()
                + " principal=" + (request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName())
                + " user-role=" + request.isUserInRole("user")
                + " admin-role=" + request.isUserInRole("admin")
                + " rid=" + (token == null ? null : token.rid()));
    }
}
