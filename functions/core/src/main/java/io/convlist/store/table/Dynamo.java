package io.convlist.store.table;

import java.util.function.Supplier;

import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/**
 * The store's edge for failures of DynamoDB itself (after the SDK's own retries): throttling becomes
 * THROTTLED (429) and an unreachable or failing service UNAVAILABLE (503), both safe to retry.
 * Condition failures are not translated here: each write handles its own as a business outcome.
 */
public final class Dynamo {
    private Dynamo() {
    }

    public static <T> T call(Supplier<T> request) {
        CallScope.beforeRequest();
        try {
            return request.get();
        } catch (ProvisionedThroughputExceededException | RequestLimitExceededException e) {
            throw new ServiceException(ErrorCode.THROTTLED, "DynamoDB is throttling this table; retry later");
        } catch (DynamoDbException e) {
            if (e.isThrottlingException()) {
                throw new ServiceException(ErrorCode.THROTTLED, "DynamoDB is throttling this table; retry later");
            }
            if (e.statusCode() >= 500) {
                throw new ServiceException(ErrorCode.UNAVAILABLE, "DynamoDB is unavailable; retry later");
            }
            throw e;
        } catch (SdkClientException e) {
            throw new ServiceException(ErrorCode.UNAVAILABLE, "DynamoDB cannot be reached; retry later");
        }
    }
}
