package dev.rotor.filter.authentication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.security.Principal;

/** A request seen as its token's caller: principal, remote user and roles come from the verified token. */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

    private final JwtPrincipal principal;

    AuthenticatedRequest(HttpServletRequest request, JwtPrincipal principal) {
        super(request);
        this.principal = principal;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return principal.token().isInGroup(role);
    }

    @Override
    public String getAuthType() {
        return "BEARER";
    }
}
