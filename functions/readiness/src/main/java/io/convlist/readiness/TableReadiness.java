package io.convlist.readiness;

import java.time.Duration;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.convlist.runtime.StoreConfig;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Ready when the table can be reached and is ACTIVE ({@code /q/health/ready}): one DescribeTable,
 * bounded by {@link #TIMEOUT}, so a probe never waits on a backend that does not answer.
 */
@Readiness
@Singleton
public class TableReadiness implements HealthCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DynamoDbClient ddb;
    private final String table;

    public TableReadiness(DynamoDbClient ddb, StoreConfig config) {
        this.ddb = ddb;
        this.table = config.table();
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("table").withData("table", table);
        try {
            TableStatus status = ddb.describeTable(r -> r.tableName(table)
                    .overrideConfiguration(c -> c.apiCallTimeout(TIMEOUT))).table().tableStatus();
            return response.status(status == TableStatus.ACTIVE).withData("status", String.valueOf(status)).build();
        } catch (SdkException e) {
            // The kind of failure only: a message may carry an endpoint or an account.
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
