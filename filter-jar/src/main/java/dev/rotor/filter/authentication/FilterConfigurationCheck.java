package dev.rotor.filter.authentication;

import dev.rotor.filter.authentication.signin.SignInConfig;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.configuration.VerifierConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.util.Map;
import java.util.Optional;

/**
 * Validates the init-params of every {@link JwtFilter} when the application deploys. A container that fails to
 * initialise a filter may still deploy the application and serve it without the filter; a listener that throws
 * stops the deployment instead, so a misconfigured filter can never leave paths unprotected.
 */
@WebListener
public class FilterConfigurationCheck implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        for (FilterRegistration registration : event.getServletContext().getFilterRegistrations().values()) {
            if (JwtFilter.class.getName().equals(registration.getClassName())) {
                Map<String, String> parameters = registration.getInitParameters();
                Settings settings = JwtFilter.settings(key -> Optional.ofNullable(parameters.get(key)));
                VerifierConfig.from(settings);
                SignInConfig.from(settings);
                ContainerLogin.from(settings);
            }
        }
    }
}
