package org.sonocine.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** Starts one Orthanc per test class marked {@link RequiresOrthanc}, or skips the class, visibly, without one. */
final class OrthancExtension implements ExecutionCondition, ParameterResolver {
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OrthancExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = OrthancServer.missingReason();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Orthanc is installed");
        }
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("*** " + missing.get() + " ***");
        }
        return ConditionEvaluationResult.disabled(missing.get());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OrthancServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = classContextOf(context);
        boolean authenticated = classContext.getRequiredTestClass().getAnnotation(RequiresOrthanc.class)
                .authenticated();
        // The store closes what it holds (an AutoCloseable) when the class's context ends, after its last test.
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(OrthancServer.class, k -> {
            try {
                return OrthancServer.start(authenticated);
            } catch (Exception e) {
                throw new ParameterResolutionException("could not start Orthanc: " + e.getMessage(), e);
            }
        }, OrthancServer.class);
    }

    private static ExtensionContext classContextOf(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }
}
