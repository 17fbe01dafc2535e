package org.sonocine.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link RequiresSamples}: enabled only where the shared samples folder exists. */
final class SamplesPresent implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Samples.available()) {
            return ConditionEvaluationResult.enabled("shared samples present");
        }
        Samples.warnMissing();
        return ConditionEvaluationResult.disabled(Samples.missingReason());
    }
}
