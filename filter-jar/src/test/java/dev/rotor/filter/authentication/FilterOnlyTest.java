package dev.rotor.filter.authentication;

import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The opt-in extension vetoes the mechanism and nothing else (it observes only the mechanism's type). */
class FilterOnlyTest {

    @Test
    void theMechanismIsVetoed() throws NoSuchMethodException {
        List<String> calls = new ArrayList<>();
        @SuppressWarnings("unchecked")
        ProcessAnnotatedType<JwtAuthenticationMechanism> event = (ProcessAnnotatedType<JwtAuthenticationMechanism>)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ProcessAnnotatedType.class},
                        (proxy, method, args) -> {
                            calls.add(method.getName());
                            return null;
                        });

        new FilterOnly().leaveOutTheMechanism(event);

        assertEquals(List.of("veto"), calls);
        var observer = FilterOnly.class.getDeclaredMethod("leaveOutTheMechanism", ProcessAnnotatedType.class);
        assertEquals("jakarta.enterprise.inject.spi.ProcessAnnotatedType<dev.rotor.filter.authentication."
                + "JwtAuthenticationMechanism>", observer.getGenericParameterTypes()[0].getTypeName());
    }
}
