package io.convlist.api;

import io.convlist.config.RequestConfig;
import io.convlist.store.Deadline;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs each function call under the configured deadline (see {@link Deadline}). */
@Budgeted
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RequestDeadline {

    @Inject
    RequestConfig config;

    @AroundInvoke
    Object underDeadline(InvocationContext call) throws Exception {
        return Deadline.within(config.deadline(), () -> {
            try {
                return call.proceed();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e); // functions declare no checked exceptions
            }
        });
    }
}
