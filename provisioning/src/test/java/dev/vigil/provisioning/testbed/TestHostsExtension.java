package dev.vigil.provisioning.testbed;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/** Resolves {@code List<TestHost>} (the class's {@link TestHosts} count) and {@link Testbed} parameters. */
public final class TestHostsExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Type type = p.getParameter().getParameterizedType();
        return type == Testbed.class || type instanceof ParameterizedType pt && pt.getRawType() == List.class
                && pt.getActualTypeArguments()[0] == TestHost.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Testbed testbed = Testbed.shared();
        if (p.getParameter().getType() == Testbed.class) {
            return testbed;
        }
        TestHosts wanted = e.getRequiredTestClass().getAnnotation(TestHosts.class);
        if (wanted == null) {
            throw new ParameterResolutionException("annotate " + e.getRequiredTestClass().getSimpleName()
                    + " with @TestHosts(n) to get a List<TestHost>");
        }
        return testbed.hosts(wanted.value());
    }
}
