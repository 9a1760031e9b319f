package io.convlist.console;

import java.util.Locale;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Sign-in takes the login form only. The form authentication decodes any POST to it as a form and
 * fails with a 500 on a body of another content type, so such a request is answered 415 first.
 */
@Singleton
public class LoginFormGuard {
    static final String FORM = "application/x-www-form-urlencoded";
    static final String MULTIPART = "multipart/form-data";

    void register(@Observes Router router) {
        router.post("/j_security_check").order(Integer.MIN_VALUE).handler(ctx -> {
            String type = ctx.request().getHeader("Content-Type");
            String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
            if (lower.startsWith(FORM) || lower.startsWith(MULTIPART)) {
                ctx.next();
            } else {
                ctx.response().setStatusCode(415).putHeader("Content-Type", "text/plain; charset=UTF-8")
                        .end("Sign in with the login form (" + FORM + ").");
            }
        });
    }
}
