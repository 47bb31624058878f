package dev.rotor.issuer.authentication;

import dev.rotor.filter.authentication.MechanismStartup;
import dev.rotor.filter.authentication.Verifier;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Activates the filter-jar's authentication mechanism in the issuer, with the issuer's own verifier. */
@WebListener
public class SelfVerification implements ServletContextListener {

    @Inject
    Verifier verifier;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        MechanismStartup.install(event.getServletContext(), verifier);
    }
}
