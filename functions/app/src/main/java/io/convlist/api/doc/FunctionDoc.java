package io.convlist.api.doc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.convlist.domain.ErrorCode;

/**
 * What the API description ({@link FunctionApiReader}) says of a function beyond its request and
 * response types. Every {@code @Funq} method carries one: the build fails without it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FunctionDoc {
    String summary();

    String description() default "";

    /**
     * A request that succeeds (with alice's user token, or the service token for a service-only
     * function) when alice's list holds c2c_bob (bob's message m1, seq 1) and group_g1 (type Work,
     * carol's message m42, seq 42) and her conversation group Work holds c2c_bob. ApiDescriptionTest
     * calls every one on that state.
     */
    String example();

    /** Only the app's backend may call it (a service token); a user token is 403. */
    boolean serviceOnly() default false;

    /** The errors of this function besides those every function can answer. */
    Fails[] fails() default {};

    /** The errors it answers for one item of its resultList, the call answering 200. */
    Fails[] itemFails() default {};

    /** THROTTLED and UNAVAILABLE come only per item: every DynamoDB request it makes is one item's. */
    boolean retryableOnlyPerItem() default false;

    /** One error the function answers, and when. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Fails {
        ErrorCode code();

        String when();
    }
}
