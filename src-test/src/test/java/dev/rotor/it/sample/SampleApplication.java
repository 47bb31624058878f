package dev.rotor.it.sample;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The enterprise application that the verifier ITs protect. */
@ApplicationPath("/api")
@DeclareRoles({"admin", "user"})
public class SampleApplication extends Application {
}
