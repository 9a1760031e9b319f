package io.convlist;

import static io.convlist.testing.Api.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.convlist.calls.FunctionCatalog;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every function, called with a body that is no request: none, {@code null}, {@code []} or {@code {}}.
 * Each is 400 INVALID_ARGUMENT and the table is item for item as before, except {@code {}} (and no
 * body, and {@code null}) for the functions whose every field is optional, which answer as for their
 * defaults and also write nothing.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class EmptyInputTest {
    @Inject
    MutableClock clock;

    /** The functions whose request has no required field: {} is a whole request for them. */
    private static final Set<String> ALL_OPTIONAL = Set.of("getConversationList", "getTotalUnreadMessageCount",
            "getConversationGroupList", "syncConversations");

    @Inject
    FunctionCatalog functions;

    @Inject
    DynamoDbClient ddb;

    @ConfigProperty(name = "convlist.table")
    String table;

    String app;

    @BeforeEach
    void seed() {
        app = newApp();
        long t0 = clock.millis() - 60_000;
        c2c(app, "alice", "bob", 1, t0, "hello");
        group(app, "g1", "Work", "carol", List.of("bob"), 1, t0, "hi all", List.of(), false);
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"", "null", "[]", "{}"})
    void everyFunction_withoutARequest_is400AndWritesNothing(String body) {
        assertThat(functions.names()).hasSizeGreaterThan(30);
        List<String> wrong = new ArrayList<>();
        for (String function : functions.names()) {
            List<Map<String, AttributeValue>> before = wholeTable();
            Response r = post(function, body);
            boolean defaults = ALL_OPTIONAL.contains(function) && !body.equals("[]");
            if (defaults ? r.statusCode() != 200
                    : r.statusCode() != 400 || !"INVALID_ARGUMENT".equals(r.jsonPath().getString("code"))
                            || r.jsonPath().getString("message") == null) {
                wrong.add(function + " answered " + r.statusCode() + " " + r.asString());
            }
            if (!wholeTable().equals(before)) {
                wrong.add(function + " wrote to the table");
            }
        }
        assertThat(wrong).as("functions called with body '%s'", body).isEmpty();
    }

    /** A user function with bob's token, a service function with the app's (so each passes the token check). */
    private Response post(String function, String body) {
        String token = isServiceFunction(function) ? serviceToken(app) : userToken(app, "bob");
        var request = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
        return (body.isEmpty() ? request : request.body(body)).post("/" + function);
    }

    /** As the API description says (its x-token), which ApiDescriptionTest holds to the functions. */
    private static boolean isServiceFunction(String function) {
        return "service".equals(given().get("/q/openapi?format=json").jsonPath().getString("paths.'/" + function + "'.post.x-token"));
    }

    /** Every item of the test table, in key order: a write of any kind shows as a difference. */
    private List<Map<String, AttributeValue>> wholeTable() {
        List<Map<String, AttributeValue>> items = new ArrayList<>(
                ddb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream().toList());
        items.sort(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("pk").s()).thenComparing(i -> i.get("sk").s()));
        return items;
    }
}
