package io.convlist.baseline;

import io.quarkus.funqy.Funq;

/**
 * The smallest Funqy application: one function, no DynamoDB, no tokens. The benchmark starts it
 * exactly as it starts the functions, so the cold-start ratio shows what the service adds.
 */
public class Echo {
    public record Ping(String name) {
    }

    @Funq
    public Ping echo(Ping in) {
        return in;
    }
}
