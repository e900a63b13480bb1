package dev.vigil.provisioning.testbed;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test class {@code value} booted test hosts, shared with the other classes of the JVM (tests must
 * leave them usable). {@code List<TestHost>} and {@link Testbed} parameters are injected into constructors,
 * lifecycle methods and test methods.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestHostsExtension.class)
public @interface TestHosts {
    int value();
}
