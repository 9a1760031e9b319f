package io.convlist.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The functions run behind Lambda's HTTP integration (here Quarkus' mock event server): the Funqy
 * routes, the token check and the {code, message} error mapping all work through it.
 */
@QuarkusTest
class LambdaPackagingTest {

    @Test
    void functionWithoutToken_answers401WithBody_throughTheLambdaHttpIntegration() {
        Response r = given().contentType(ContentType.JSON).header("X-Request-Id", "lambda-req-1").body("{}")
                .post("/getTotalUnreadMessageCount");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.jsonPath().getString("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(r.header("X-Request-Id")).isEqualTo("lambda-req-1"); // the call's ID comes back through the integration too
    }

    @Test
    void theFunctionsConfiguration_isTheApplications() {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.smallrye-jwt.enabled", Boolean.class)).isFalse();
        assertThat(config.getValue("convlist.table", String.class)).isEqualTo("convlist");
    }

    @Test
    void unknownFunction_is404WithBody() {
        Response r = given().contentType(ContentType.JSON).body("{}").post("/noSuchFunction");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.jsonPath().getString("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void theApiDescription_isServedThroughTheIntegration() {
        Response r = given().get("/q/openapi?format=json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.jsonPath().getString("openapi")).isEqualTo("3.1.0");
        assertThat(r.jsonPath().getMap("paths")).containsKey("/recordMessage");
    }
}
