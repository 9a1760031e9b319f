package io.convlist.console.session;

import java.time.Clock;

import io.convlist.runtime.StoreConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The console's session and sign-in stores, from configuration. */
@Singleton
public class SessionProducers {

    @Produces
    @Singleton
    ConsoleSessions sessions(DynamoDbClient ddb, StoreConfig store, ConsoleConfig console, Clock clock) {
        return new ConsoleSessions(ddb, store.table(), clock,
                new ConsoleSessions.Timeouts(console.session().idleTimeout(), console.session().absoluteTimeout()));
    }

    @Produces
    @Singleton
    SignInAttempts signInAttempts(DynamoDbClient ddb, StoreConfig store, ConsoleConfig console, Clock clock) {
        ConsoleConfig.SignIn s = console.signIn();
        return new SignInAttempts(ddb, store.table(), clock,
                new SignInAttempts.Limits(s.attemptsPerAccount(), s.attemptsPerClient(), s.window()));
    }
}
