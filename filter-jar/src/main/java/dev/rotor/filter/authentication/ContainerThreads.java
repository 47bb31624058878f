package dev.rotor.filter.authentication;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The container's default managed thread factory (Jakarta Concurrency), so background threads carry the
 * application's context and are stopped with it; a plain factory outside a container.
 */
final class ContainerThreads {

    private static final String DEFAULT_FACTORY = "java:comp/DefaultManagedThreadFactory";

    private ContainerThreads() {
    }

    static ThreadFactory factory() {
        try {
            return (ThreadFactory) new InitialContext().lookup(DEFAULT_FACTORY);
        } catch (NamingException e) {
            return Executors.defaultThreadFactory();
        }
    }
}
