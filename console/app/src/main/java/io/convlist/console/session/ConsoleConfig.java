package io.convlist.console.session;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** How long console sessions live and how often sign-in may be tried (environment CONVLIST_CONSOLE_...). */
@ConfigMapping(prefix = "convlist.console")
public interface ConsoleConfig {

    Session session();

    SignIn signIn();

    /**
     * Mark the console's cookies Secure even on a plain-HTTP request: behind a proxy that terminates
     * TLS (a request that arrives over HTTPS is always answered with Secure cookies).
     */
    @WithDefault("false")
    boolean cookiesSecure();

    interface Session {
        /** A session ends after this long without a request. */
        @WithDefault("PT30M")
        Duration idleTimeout();

        /** A session ends this long after sign-in, however busy. */
        @WithDefault("PT8H")
        Duration absoluteTimeout();
    }

    interface SignIn {
        /** Attempts on one account per window; past them the account is locked until the window ends. */
        @WithDefault("5")
        @Min(1)
        int attemptsPerAccount();

        /** Attempts from one client address per window (successful ones are given back). */
        @WithDefault("20")
        @Min(1)
        int attemptsPerClient();

        /** The window, from the first attempt; also the longest a lockout lasts. */
        @WithDefault("PT15M")
        Duration window();
    }
}
