package io.convlist.store.list;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one read of a list found: the answer it makes (computed from what was read, with no further
 * request) and what it found behind, which the read itself leaves alone. The store's facade brings
 * that up to date (a large group's conversations from the group's record; a list over a lowered
 * limit trimmed) and reads again, so that below the facade reads only read.
 *
 * @param behind    the large groups whose conversations in this list the read may show behind
 * @param overLimit the list holds more than the app's limit (it was lowered): trim it, then read
 */
public record ListRead<T>(Supplier<T> answer, Collection<String> behind, boolean overLimit) {

    /** A read with nothing behind. */
    public static <T> ListRead<T> of(Supplier<T> answer) {
        return new ListRead<>(answer, List.of(), false);
    }

    /** This read's answer in another form (its preparation unchanged). */
    public <R> ListRead<R> map(Function<T, R> f) {
        return new ListRead<>(() -> f.apply(answer.get()), behind, overLimit);
    }
}
