package io.convlist.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.constructs.Construct;

/** How every Lambda of the service is made: a Quarkus function.zip on Java 21, with exact table access. */
final class QuarkusLambda {
    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private QuarkusLambda() {
    }

    /**
     * @param snapStart for the request-serving Lambdas (published versions behind a "live" alias);
     *                  not for the stream consumer, where cold starts cost nobody a wait
     */
    record Props(Path zip, int memoryMb, Duration timeout, boolean snapStart, Map<String, String> environment) {
    }

    static Function create(Construct scope, String id, Props props) {
        Function.Builder builder = Function.Builder.create(scope, id)
                .runtime(Runtime.JAVA_21).handler(HANDLER)
                .code(Code.fromAsset(props.zip().toString()))
                .memorySize(props.memoryMb()).timeout(props.timeout())
                .environment(props.environment());
        if (props.snapStart()) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        return builder.build();
    }

    /** Exactly the listed DynamoDB actions, on the table and its indexes (no wildcard actions, no Scan). */
    static void allowTableActions(Function function, ITable table, List<String> actions) {
        function.addToRolePolicy(PolicyStatement.Builder.create().actions(actions)
                .resources(List.of(table.getTableArn(), table.getTableArn() + "/index/*")).build());
    }
}
