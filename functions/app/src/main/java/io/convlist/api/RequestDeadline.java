package io.convlist.api;

import io.convlist.calls.CallRecord;
import io.convlist.config.RequestConfig;
import io.convlist.store.table.CallScope;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs each function call in a {@link CallScope}: under the configured deadline, counting the DynamoDB
 * requests it makes into the call's {@link CallRecord}.
 */
@Budgeted
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RequestDeadline {

    @Inject
    RequestConfig config;

    @Inject
    CurrentVertxRequest request;

    @AroundInvoke
    Object underDeadline(InvocationContext call) throws Exception {
        CallScope scope = CallScope.startingNow(config.deadline());
        try {
            return scope.run(() -> {
                try {
                    return call.proceed();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e); // functions declare no checked exceptions
                }
            });
        } finally {
            CallRecord.of(request.getCurrent()).ifPresent(record -> record.storeWork(scope.dynamoDbRequests(), scope.retries()));
        }
    }
}
