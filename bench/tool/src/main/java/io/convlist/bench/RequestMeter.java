package io.convlist.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts what the SDK sends: requests by operation, request and response body bytes, and the most
 * requests in flight at once. Exact figures, independent of the machine's speed.
 */
public final class RequestMeter implements ExecutionInterceptor {
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        requests.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicInteger())
                .incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        context.httpRequest().firstMatchingHeader("Content-Length").ifPresent(n -> bytesSent.addAndGet(Long.parseLong(n)));
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        context.httpResponse().firstMatchingHeader("Content-Length").ifPresent(n -> bytesReceived.addAndGet(Long.parseLong(n)));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        inFlight.decrementAndGet();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        inFlight.decrementAndGet();
    }

    public void reset() {
        requests.clear();
        bytesSent.set(0);
        bytesReceived.set(0);
        maxInFlight.set(0);
    }

    /** A snapshot of everything counted since the last reset. */
    public record Usage(Map<String, Integer> requests, long bytesSent, long bytesReceived, int maxInFlight) {
    }

    public Usage usage() {
        Map<String, Integer> copy = new TreeMap<>();
        requests.forEach((k, v) -> copy.put(k, v.get()));
        return new Usage(copy, bytesSent.get(), bytesReceived.get(), maxInFlight.get());
    }
}
