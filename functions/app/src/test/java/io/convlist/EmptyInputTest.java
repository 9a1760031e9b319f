package io.convlist;

import static io.convlist.testing.Api.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.convlist.calls.FunctionCatalog;
import io.convlist.testing.RequestCounter;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Every function, called with a body that is no request: none, {@code null}, {@code []} or {@code {}}.
 * Each is 400 INVALID_ARGUMENT and sends DynamoDB no write request, except {@code {}} (and no body,
 * and {@code null}) for the functions whose every field is optional, which answer as for their
 * defaults and also write nothing. The application's own DynamoDB requests are counted as they go
 * out (the count RequestCostTest reads), so a write of any kind shows.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class EmptyInputTest {
    @Inject
    MutableClock clock;

    /** The functions whose request has no required field: {} is a whole request for them. */
    /** DynamoDB's operations that write. */
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");

    private static final Set<String> ALL_OPTIONAL = Set.of("getConversationList", "getTotalUnreadMessageCount",
            "getConversationGroupList", "syncConversations");

    @Inject
    FunctionCatalog functions;

    @Inject
    RequestCounter requests;

    String app;
    JsonPath description;

    @BeforeEach
    void seed() {
        app = newApp();
        long t0 = clock.millis() - 60_000;
        c2c(app, "alice", "bob", 1, t0, "hello");
        group(app, "g1", "Work", "carol", List.of("bob"), 1, t0, "hi all", List.of(), false);
    }

    @ParameterizedTest(name = "body ''{0}''")
    @ValueSource(strings = {"", "null", "[]", "{}"})
    void everyFunction_withoutARequest_is400AndWritesNothing(String body) {
        assertThat(functions.names()).hasSizeGreaterThan(30);
        List<String> wrong = new ArrayList<>();
        for (String function : functions.names()) {
            String token = isServiceFunction(function) ? serviceToken(app) : userToken(app, "bob");
            requests.reset();
            Response r = post(token, function, body);
            Set<String> writes = new TreeSet<>(requests.snapshot().keySet());
            writes.retainAll(WRITES);
            boolean defaults = ALL_OPTIONAL.contains(function) && !body.equals("[]");
            if (defaults ? r.statusCode() != 200
                    : r.statusCode() != 400 || !"INVALID_ARGUMENT".equals(r.jsonPath().getString("code"))
                            || r.jsonPath().getString("message") == null) {
                wrong.add(function + " answered " + r.statusCode() + " " + r.asString());
            }
            if (!writes.isEmpty()) {
                wrong.add(function + " sent " + writes);
            }
        }
        assertThat(wrong).as("functions called with body '%s'", body).isEmpty();
    }

    /** A user function with bob's token, a service function with the app's (so each passes the token check). */
    private static Response post(String token, String function, String body) {
        var request = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
        return (body.isEmpty() ? request : request.body(body)).post("/" + function);
    }

    /** As the API description says (its x-token), which ApiDescriptionTest holds to the functions. */
    private boolean isServiceFunction(String function) {
        if (description == null) {
            description = given().get("/q/openapi?format=json").jsonPath();
        }
        return "service".equals(description.getString("paths.'/" + function + "'.post.x-token"));
    }
}
