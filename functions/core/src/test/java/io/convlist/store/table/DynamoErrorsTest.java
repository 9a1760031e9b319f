package io.convlist.store.table;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** DynamoDB's own failures become retryable outcomes (429, 503), never a bare 500. */
class DynamoErrorsTest {

    static void assertCode(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOf(ServiceException.class)
                .extracting(e -> ((ServiceException) e).code()).isEqualTo(code);
    }

    @Test
    void throttling_isThrottled_unreachableOrFailing_isUnavailable() {
        assertCode(() -> Dynamo.call(() -> {
            throw ProvisionedThroughputExceededException.builder().message("slow down").statusCode(400).build();
        }), ErrorCode.THROTTLED);
        assertCode(() -> Dynamo.call(() -> {
            throw SdkClientException.create("connection refused");
        }), ErrorCode.UNAVAILABLE);
        assertCode(() -> Dynamo.call(() -> {
            throw DynamoDbException.builder().message("internal").statusCode(500).build();
        }), ErrorCode.UNAVAILABLE);
    }
}
