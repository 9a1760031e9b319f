package io.convlist.api;

import java.lang.reflect.RecordComponent;

import io.convlist.domain.ServiceException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The one edge where a function's input arrives: every function takes one JSON object. Funqy hands a
 * function null for an absent body and for {@code null}; this refuses both with 400
 * INVALID_ARGUMENT before the function runs (so before anything is read or written), except for a
 * function whose every field is optional ({@link Requests.AllOptional}), which gets its empty request.
 * A body that is no object at all ({@code []}, a number) fails Funqy's binding, which
 * {@link ErrorResponses} answers 400 too. Below this edge a function's input is never null; its
 * fields are checked by the domain's parsers ({@code ConversationId.parse}, {@code Ids}, {@code Limits}).
 */
@Budgeted
@Interceptor
@Priority(Interceptor.Priority.APPLICATION - 10)
public class FunctionInput {

    @AroundInvoke
    Object withInput(InvocationContext call) throws Exception {
        Object[] args = call.getParameters();
        if (args.length == 1 && args[0] == null) {
            Class<?> type = call.getMethod().getParameterTypes()[0];
            if (!Requests.AllOptional.class.isAssignableFrom(type)) {
                throw ServiceException.badRequest("the body must be a JSON object with the function's fields");
            }
            args[0] = empty(type);
            call.setParameters(args);
        }
        return call.proceed();
    }

    /** The request with every field absent, as {@code {}} would bind it. */
    private static Object empty(Class<?> record) throws ReflectiveOperationException {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        return record.getDeclaredConstructor(types).newInstance(new Object[components.length]);
    }
}
