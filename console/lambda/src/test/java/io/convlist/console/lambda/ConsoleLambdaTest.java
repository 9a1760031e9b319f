package io.convlist.console.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The console behind Lambda's HTTP integration (Quarkus' mock event server): pages and sign-in guard work. */
@QuarkusTest
class ConsoleLambdaTest {

    @Test
    void signedOut_isSentToSignIn_andTheSignInPageRenders() {
        Response apps = given().redirects().follow(false).get("/apps");
        assertThat(apps.statusCode()).isEqualTo(302);
        assertThat(apps.header("Location")).endsWith("/login");
        assertThat(given().get("/login").then().statusCode(200).extract().asString()).contains("action=\"/login\"");
    }
}
