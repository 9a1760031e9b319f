package io.convlist.testkit;

import java.net.SocketException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Fails DynamoDB requests the way DynamoDB and the network fail them, as they reach the application
 * after the SDK's own retries: each request of the armed kind fails with probability 1/n, drawn
 * from a seeded generator. Disarmed, it does nothing.
 */
@Singleton
public class FaultInjector implements ExecutionInterceptor {

    /** The faults, each as the exception the application sees. */
    public enum Fault {
        PROVISIONED_THROUGHPUT_EXCEEDED(() -> ProvisionedThroughputExceededException.builder().statusCode(400)
                .message("injected: throughput exceeded").build(), null),
        THROTTLING(() -> DynamoDbException.builder().statusCode(400).message("injected: rate exceeded")
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder().errorCode("ThrottlingException").build())
                .build(), null),
        INTERNAL_SERVER_ERROR(() -> InternalServerErrorException.builder().statusCode(500).message("injected: internal error").build(), null),
        TRANSACTION_CONFLICT(() -> TransactionCanceledException.builder().statusCode(400).message("injected: conflict")
                .cancellationReasons(List.of(CancellationReason.builder().code("TransactionConflict").build())).build(),
                "TransactWriteItems"),
        TIMEOUT(() -> ApiCallTimeoutException.create(10_000), null),
        CONNECTION_RESET(() -> SdkClientException.builder().message("injected: connection reset")
                .cause(new SocketException("Connection reset")).build(), null);

        final Supplier<RuntimeException> exception;
        /** Only this operation, or any if null. */
        final String operation;

        Fault(Supplier<RuntimeException> exception, String operation) {
            this.exception = exception;
            this.operation = operation;
        }
    }

    private volatile long stallMillis;
    private volatile Fault armed;
    private volatile int oneIn;
    private volatile Random random = new Random();
    private final AtomicInteger injected = new AtomicInteger();
    private final AtomicInteger seen = new AtomicInteger();
    private volatile int passing;

    /** From now on, each request (of the fault's operation) fails with it with probability 1/n. */
    public void arm(Fault fault, int n, long seed) {
        injected.set(0);
        seen.set(0);
        passing = 0;
        oneIn = n;
        random = new Random(seed);
        armed = fault;
    }

    /** From now on, the first {@code passing} requests pass and every later one fails with the fault. */
    public void armAfter(Fault fault, int passing) {
        arm(fault, 1, 0);
        this.passing = passing;
    }

    public void disarm() {
        armed = null;
        stallMillis = 0;
        seen.set(0);
    }

    /** The requests made since the last arm or disarm. */
    public int seen() {
        return seen.get();
    }

    /** From now on, every request takes this much longer (a backend that stalls). */
    public void stall(long millis) {
        stallMillis = millis;
    }

    public int injected() {
        return injected.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (stallMillis > 0) {
            try {
                Thread.sleep(stallMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int n = seen.incrementAndGet();
        Fault fault = armed;
        if (fault == null || n <= passing) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (fault.operation != null && !fault.operation.equals(operation)) {
            return;
        }
        boolean fail;
        synchronized (this) {
            fail = random.nextInt(oneIn) == 0;
        }
        if (fail) {
            injected.incrementAndGet();
            throw fault.exception.get();
        }
    }
}
