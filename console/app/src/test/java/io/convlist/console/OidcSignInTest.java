package io.convlist.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.filter.cookie.CookieFilter;

/**
 * With OIDC configured, operators sign in through the identity provider (a WireMock OIDC server
 * here, whose user alice has the groups user and admin) by the authorization code flow.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.Oidc.class)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class OidcSignInTest {

    public static class Oidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.auth.permission.signed-in.auth-mechanism", "code",
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "quarkus-web-app",
                    "quarkus.oidc.credentials.secret", "secret");
        }
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as(name + " in " + html).isTrue();
        return m.group(1);
    }

    @Test
    void signedOut_isSentToTheIdentityProvider_andComesBackSignedInWithItsRoles() {
        CookieFilter session = signInAsAlice();
        String page = given().filter(session).get("/apps").then().statusCode(200).extract().asString();
        assertThat(page).contains("alice (admin)").contains("Create an app");
    }

    @Test
    void signOut_endsTheSession_theIdTokenCookieReplayedIsSentBackToTheProvider() {
        CookieFilter session = signInAsAlice();
        String idTokenCookie = session.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("q_session"))
                .findFirst().orElseThrow().getValue();
        assertThat(given().cookie("q_session", idTokenCookie).redirects().follow(false).get("/apps").statusCode()).isEqualTo(200);
        var out = given().filter(session).redirects().follow(false).contentType(io.restassured.http.ContentType.URLENC)
                .formParam("csrf-token", ConsoleTest.csrfToken(session, "/apps")).post("/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        // The ID token in the old cookie is still valid, but its session ended: the cookie is dropped and
        // the page asked again, which sends the browser to the provider.
        CookieFilter replaying = new CookieFilter();
        var replayed = given().filter(replaying).cookie("q_session", idTokenCookie).redirects().follow(false).get("/apps");
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(replayed.header("Location")).endsWith("/apps");
        assertThat(replayed.headers().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("q_session=;"));
        var again = given().filter(replaying).redirects().follow(false).get("/apps");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.header("Location")).contains("/realms/quarkus");
    }

    /** The authorization code flow, as a browser follows it. */
    static CookieFilter signInAsAlice() {
        CookieFilter session = new CookieFilter();
        var redirect = given().filter(session).redirects().follow(false).get("/apps");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.header("Location")).contains("/realms/quarkus").contains("client_id=quarkus-web-app");
        // The provider's sign-in form (alice), which answers with the authorization code.
        URI authorize = URI.create(redirect.header("Location"));
        String form = given().filter(session).urlEncodingEnabled(false).get(authorize.toString()).asString();
        var back = given().filter(session).redirects().follow(false)
                .queryParam("username", "alice").queryParam("password", "alice")
                .queryParam("state", field(form, "state")).queryParam("redirect_uri", field(form, "redirect_uri"))
                .get(authorize.resolve("/login").toString());
        assertThat(back.header("Location")).contains("/apps?state=").contains("code=");
        // The console exchanges the code for tokens and starts its session.
        var callback = given().filter(session).redirects().follow(false).urlEncodingEnabled(false).get(back.header("Location"));
        assertThat(callback.headers().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("q_session=") && c.toLowerCase().contains("httponly"));
        return session;
    }
}
