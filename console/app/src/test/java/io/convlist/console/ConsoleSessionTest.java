package io.convlist.console;

import static io.convlist.console.ConsoleTest.csrfToken;
import static io.convlist.console.ConsoleTest.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.convlist.store.app.AppSettingsStore;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.FaultInjector;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Console sessions and sign-in under attack: replayed cookies after sign-out, idle and absolute
 * timeouts (on the injected clock), lockouts per account and per client address, and concurrent
 * guesses. Callers are told apart by X-Forwarded-For, as behind the proxy this profile trusts.
 */
@QuarkusTest
@TestProfile(ConsoleSessionTest.Sessions.class)
@QuarkusTestResource(DynamoDbTestResource.class)
class ConsoleSessionTest {
    static final int PER_ACCOUNT = 5;
    static final int PER_CLIENT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Operator accounts of this test (password: name + "-pass"), each test its own. */
    static final List<String> OPERATORS = List.of("idle", "absolute", "locked", "guessed", "replayed", "crowd");

    public static class Sessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "convlist.console.sign-in.attempts-per-account", String.valueOf(PER_ACCOUNT),
                    "convlist.console.sign-in.attempts-per-client", String.valueOf(PER_CLIENT),
                    "convlist.console.sign-in.window", WINDOW.toString(),
                    "convlist.console.session.idle-timeout", "PT30M",
                    "convlist.console.session.absolute-timeout", "PT8H"));
            for (String name : OPERATORS) {
                config.put("quarkus.security.users.embedded.users." + name, digest(name, name + "-pass"));
                config.put("quarkus.security.users.embedded.roles." + name, Operator.ADMIN);
            }
            return config;
        }

        /** What the embedded users' digest-sha-512 configuration holds for a name and password. */
        static String digest(String name, String password) {
            try {
                byte[] d = MessageDigest.getInstance("SHA-512").digest((name + ":Quarkus:" + password).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    MutableClock clock;

    @Inject
    AppSettingsStore settings;

    @Inject
    FaultInjector faults;

    @AfterEach
    void realTimeAndNoFaults() {
        clock.reset();
        faults.disarm();
    }

    /** One sign-in from this client address: opens the form, then posts it. */
    static Response attempt(CookieFilter cookies, String client, String user, String password) {
        String token = given().filter(cookies).header("X-Forwarded-For", client).get("/login").then().statusCode(200)
                .extract().asString().replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        return given().filter(cookies).header("X-Forwarded-For", client).redirects().follow(false)
                .contentType(ContentType.URLENC).formParams(Map.of("username", user, "password", password, "csrf-token", token))
                .post("/login");
    }

    static String sessionCookie(Response signedIn) {
        assertThat(signedIn.statusCode()).as(signedIn.asString()).isEqualTo(303);
        return signedIn.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("convlist-session="))
                .findFirst().orElseThrow().replaceAll("^convlist-session=([^;]*).*", "$1");
    }

    /** The status of /apps for a bare request carrying only this session cookie (another replica's view). */
    static int appsWith(String session) {
        return given().cookie("convlist-session", session).redirects().follow(false).get("/apps").statusCode();
    }

    @Test
    void signOut_endsTheSession_aReplayedCookieListsAndCreatesNothing() {
        CookieFilter browser = new CookieFilter();
        String session = sessionCookie(attempt(browser, "10.0.1.1", "replayed", "replayed-pass"));
        assertThat(appsWith(session)).isEqualTo(200);
        Response out = post(browser, "/logout", csrfToken(browser, "/apps"), Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("convlist-session=;") && c.contains("Max-Age=0"));

        assertThat(appsWith(session)).isEqualTo(302);
        // The replayed cookie with a valid CSRF pair still creates nothing: the session is gone, not just the cookie.
        CookieFilter attacker = new CookieFilter();
        String token = csrfToken(attacker, "/login");
        Response create = given().filter(attacker).cookie("convlist-session", session).redirects().follow(false)
                .contentType(ContentType.URLENC).formParams(Map.of("appId", "replayapp", "name", "x", "edition", "STANDARD",
                        "csrf-token", token))
                .post("/apps");
        assertThat(create.statusCode()).isEqualTo(302);
        assertThat(create.header("Location")).endsWith("/login");
        assertThat(settings.find("replayapp")).isEmpty();
    }

    @Test
    void idleTimeout_endsASessionLeftAlone_butNotOneInUse() {
        String session = sessionCookie(attempt(new CookieFilter(), "10.0.2.1", "idle", "idle-pass"));
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(appsWith(session)).as("a request every 29 minutes keeps it (%d)", i).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(30));
        assertThat(appsWith(session)).isEqualTo(302);
        clock.advance(Duration.ofMinutes(-30));
        assertThat(appsWith(session)).as("an ended session stays ended").isEqualTo(302);
    }

    @Test
    void absoluteTimeout_endsEvenABusySession() {
        String session = sessionCookie(attempt(new CookieFilter(), "10.0.3.1", "absolute", "absolute-pass"));
        for (int minutes = 20; minutes < 8 * 60; minutes += 20) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(appsWith(session)).as("after %d minutes", minutes).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(appsWith(session)).as("after 8 hours").isEqualTo(302);
    }

    @Test
    void anAccountIsLockedAfterItsAttempts_evenTheRightPasswordWaitsForTheWindow() {
        for (int i = 0; i < PER_ACCOUNT; i++) {
            Response wrong = attempt(new CookieFilter(), "10.0.4." + i, "locked", "guess" + i);
            assertThat(wrong.header("Location")).as("attempt %d", i).endsWith("/login?error=1");
        }
        Response refused = attempt(new CookieFilter(), "10.0.4.99", "locked", "locked-pass");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, WINDOW.toSeconds());
        assertThat(refused.asString()).contains("Too many sign-in attempts");
        assertThat(refused.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("convlist-session="));

        clock.advance(WINDOW.plusSeconds(1));
        assertThat(appsWith(sessionCookie(attempt(new CookieFilter(), "10.0.4.99", "locked", "locked-pass")))).isEqualTo(200);
    }

    @Test
    void aClientIsLockedAfterItsAttempts_otherClientsAreNot() {
        for (int i = 0; i < PER_CLIENT; i++) {
            assertThat(attempt(new CookieFilter(), "10.0.5.1", "nobody" + i, "guess").statusCode()).as("attempt %d", i).isEqualTo(303);
        }
        assertThat(attempt(new CookieFilter(), "10.0.5.1", "crowd", "crowd-pass").statusCode()).isEqualTo(429);
        assertThat(appsWith(sessionCookie(attempt(new CookieFilter(), "10.0.5.2", "crowd", "crowd-pass")))).isEqualTo(200);
    }

    @Test
    void concurrentGuesses_checkExactlyTheAllowedNumberOfPasswords() throws Exception {
        int callers = 24;
        Response form = given().get("/login");
        String csrfCookie = form.cookie("csrf-token");
        String token = form.asString().replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String client = "10.0.6." + i;
                answers.add(pool.submit(() -> given().cookie("csrf-token", csrfCookie).header("X-Forwarded-For", client).redirects().follow(false)
                        .contentType(ContentType.URLENC).formParams(Map.of("username", "guessed", "password", "guess " + client,
                                "csrf-token", token))
                        .post("/login").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> a : answers) {
                statuses.add(a.get());
            }
            assertThat(statuses).containsOnly(303, 429);
            assertThat(statuses.stream().filter(s -> s == 303).count()).as("passwords checked").isEqualTo(PER_ACCOUNT);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders_andCookiesAreSecureOverHttps() {
        CookieFilter browser = new CookieFilter();
        Response login = given().filter(browser).get("/login");
        assertSecurityHeaders(login);
        assertThat(login.headers().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("csrf-token=")
                && c.contains("SameSite=Strict") && c.toLowerCase().contains("httponly") && !c.contains("Secure"));
        String token = login.asString().replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        Response signedIn = given().filter(browser).header("X-Forwarded-Proto", "https").redirects().follow(false)
                .contentType(ContentType.URLENC).formParams(Map.of("username", "crowd", "password", "crowd-pass", "csrf-token", token))
                .header("X-Forwarded-For", "10.0.7.1").post("/login");
        assertThat(signedIn.headers().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("convlist-session=")
                && c.contains("Secure") && c.contains("HttpOnly") && c.contains("SameSite=Strict"));
        assertSecurityHeaders(signedIn);
        assertSecurityHeaders(given().cookie("convlist-session", sessionCookie(signedIn)).get("/apps"));
        assertSecurityHeaders(given().redirects().follow(false).get("/apps"));
    }

    @Test
    void anUnreachableBackend_isA503WithRetryAfter_inTheSessionCheckAndInSignIn() {
        String session = sessionCookie(attempt(new CookieFilter(), "10.0.8.1", "crowd", "crowd-pass"));
        CookieFilter browser = new CookieFilter();
        String token = csrfToken(browser, "/login");
        faults.arm(FaultInjector.Fault.CONNECTION_RESET, 1, 8);
        Response page = given().cookie("convlist-session", session).redirects().follow(false).get("/apps");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.header("Retry-After")).isEqualTo("1");
        Response signIn = given().filter(browser).header("X-Forwarded-For", "10.0.8.2").redirects().follow(false)
                .contentType(ContentType.URLENC).formParams(Map.of("username", "crowd", "password", "crowd-pass", "csrf-token", token))
                .post("/login");
        assertThat(signIn.statusCode()).isEqualTo(503);
        assertThat(signIn.header("Retry-After")).isEqualTo("1");
        faults.disarm();
        assertThat(appsWith(session)).isEqualTo(200);
    }

    static void assertSecurityHeaders(Response r) {
        assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'none'");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    }
}
