package io.convlist.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * With -Plocalstack on a machine without Docker, every test is skipped with this reason instead of
 * failing to start a container. Registered for all tests through the ServiceLoader.
 */
public class LocalStackNeedsDocker implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestBackend.wantsLocalStack() && System.getenv("DYNAMODB_ENDPOINT") == null && !TestBackend.dockerAvailable()) {
            return ConditionEvaluationResult.disabled("the localstack backend needs Docker, which is not available here");
        }
        return ConditionEvaluationResult.enabled("backend available");
    }
}
