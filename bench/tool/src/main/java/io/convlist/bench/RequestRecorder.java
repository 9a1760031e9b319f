package io.convlist.bench;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Keeps the requests the store sends, in the order it sends them, so the benchmark can send the very
 * same requests with the bare SDK (see {@link BareReplay}).
 */
public final class RequestRecorder implements ExecutionInterceptor {
    private final List<SdkRequest> recorded = new ArrayList<>();

    @Override
    public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        recorded.add(context.request());
    }

    /** The requests recorded since the last call, and forgets them. */
    public synchronized List<SdkRequest> take() {
        List<SdkRequest> out = List.copyOf(recorded);
        recorded.clear();
        return out;
    }
}
