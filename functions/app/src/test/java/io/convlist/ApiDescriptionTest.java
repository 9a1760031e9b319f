package io.convlist;

import static io.convlist.testing.Api.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.convlist.calls.FunctionCatalog;
import io.convlist.domain.ErrorCode;
import io.convlist.runtime.HttpStatuses;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.FaultInjector.Fault;
import io.convlist.testkit.FaultInjector;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The API description (/q/openapi) against the functions themselves: it lists every function and
 * no other; every function's example succeeds with an answer its schema allows, strictly (no field
 * the document leaves out); and every error it documents for a function is reached by a real call,
 * with a body its schema allows.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class ApiDescriptionTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Inject
    MutableClock clock;

    @Inject
    FunctionCatalog functions;

    @Inject
    FaultInjector faults;

    JsonNode document;

    @BeforeEach
    void readDocument() throws Exception {
        Response r = given().get("/q/openapi?format=json");
        assertThat(r.statusCode()).isEqualTo(200);
        document = JSON.readTree(r.asString());
    }

    @AfterEach
    void disarm() {
        faults.disarm();
    }

    @Test
    void listsEveryFunction_andNoOther() {
        Set<String> documented = new TreeSet<>();
        document.get("paths").fieldNames().forEachRemaining(path -> documented.add(path.substring(1)));
        assertThat(documented).isEqualTo(functions.names());
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        for (JsonNode path : document.get("paths")) {
            assertThat(path.fieldNames()).toIterable().containsExactly("post");
        }
    }

    @Test
    void everyExample_succeeds_withAnAnswerAsDocumented() throws Exception {
        for (String function : functions.names()) {
            JsonNode operation = operation(function);
            Fixture f = new Fixture(serviceOnly(operation));
            Response r = call(f.token, function, example(operation));
            assertThat(r.statusCode()).as(function + ": " + r.asString()).isEqualTo(200);
            assertAllowed(function, operation.at("/responses/200"), r);
        }
    }

    @Test
    void everyDocumentedError_isReached_withABodyAsDocumented() throws Exception {
        Map<String, Function<Fixture, Response>> own = ownErrors();
        Set<String> documentedOwn = new TreeSet<>();
        List<String> missed = new ArrayList<>();
        for (String function : functions.names()) {
            JsonNode operation = operation(function);
            Fixture shared = new Fixture(serviceOnly(operation)); // the errors every function has write nothing
            Iterator<Map.Entry<String, JsonNode>> responses = operation.get("responses").fields();
            while (responses.hasNext()) {
                Map.Entry<String, JsonNode> entry = responses.next();
                if (entry.getKey().equals("200")) {
                    continue;
                }
                JsonNode response = resolved(entry.getValue());
                for (JsonNode code : response.at("/content/application~1json/schema/properties/code/enum")) {
                    String error = function + " " + code.asText();
                    Response r = common(function, code.asText(), shared, example(operation));
                    if (r == null) {
                        documentedOwn.add(error);
                        assertThat(own).as("a call that reaches " + error).containsKey(error);
                        r = own.get(error).apply(new Fixture(serviceOnly(operation)));
                    }
                    faults.disarm();
                    if (r.statusCode() != Integer.parseInt(entry.getKey())) {
                        missed.add(error + " answered " + r.statusCode() + ": " + r.asString());
                        continue;
                    }
                    assertThat(r.jsonPath().getString("code")).as(error).isEqualTo(code.asText());
                    assertAllowed(error, response, r);
                }
            }
        }
        for (String function : functions.names()) {
            JsonNode operation = operation(function);
            for (JsonNode code : operation.path("x-item-errors")) {
                String error = function + " item " + code.asText();
                documentedOwn.add(error);
                Response r = own.containsKey(error) ? own.get(error).apply(new Fixture(serviceOnly(operation)))
                        : retryableItemError(function, code.asText(), operation);
                faults.disarm();
                int status = HttpStatuses.of(ErrorCode.valueOf(code.asText()));
                if (r.statusCode() != 200 || r.jsonPath().getList("resultList.findAll { it.resultInfo == '" + code.asText()
                        + "' && it.resultCode == " + status + " }").isEmpty()) {
                    missed.add(error + " answered " + r.statusCode() + ": " + r.asString());
                }
                assertAllowed(error, operation.at("/responses/200"), r);
            }
        }
        assertThat(missed).as("documented errors the call did not reach").isEmpty();
        assertThat(documentedOwn).as("the errors reached here are documented").containsAll(own.keySet());
    }

    @Test
    void theErrorsOfAnyPath_areAnsweredAsTheOverviewSays() {
        String overview = document.at("/info/description").asText();
        String token = userToken(newApp(), "alice");
        Response unknown = call(token, "noSuchFunction", Map.of());
        Response get = given().header("Authorization", "Bearer " + token).get("/getConversationList");
        Response huge = call(token, "setConversationDraft", body("conversationID", "c2c_bob", "draftText", "x".repeat(2 * 1024 * 1024)));
        for (Response r : List.of(unknown, get, huge)) {
            String answer = r.statusCode() + " `" + r.jsonPath().getString("code") + "`";
            assertThat(overview).as(r.asString()).contains(answer);
        }
        assertThat(List.of(unknown.statusCode(), get.statusCode(), huge.statusCode())).containsExactly(404, 405, 413);
    }

    @Test
    void swaggerUi_rendersTheDocument() {
        Response page = given().get("/q/swagger-ui/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("swagger-ui");
        assertThat(given().get("/q/swagger-ui/index.html").asString()).contains("/q/openapi");
    }

    /** The errors every function documents, reached the same way for each; null for the function's own. */
    Response common(String function, String code, Fixture f, Object example) {
        return switch (code) {
            case "INVALID_ARGUMENT" -> call(f.token, function, List.of("not", "an", "object"));
            case "UNAUTHENTICATED" -> call(null, function, example);
            case "PERMISSION_DENIED" -> f.serviceOnly ? call(userToken(f.app, "alice"), function, example)
                    : call(f.token, function, withUser(example, "mallory"));
            case "THROTTLED" -> {
                faults.arm(Fault.THROTTLING, 1, 1);
                yield call(f.token, function, example);
            }
            case "UNAVAILABLE" -> {
                faults.arm(Fault.INTERNAL_SERVER_ERROR, 1, 1);
                yield call(f.token, function, example);
            }
            default -> null;
        };
    }

    /**
     * A DynamoDB failure of an item, alone: the example's requests counted on one fixture, then on
     * another all but the last pass, and the last belongs to an item.
     */
    Response retryableItemError(String function, String code, JsonNode operation) throws Exception {
        Fixture counted = new Fixture(serviceOnly(operation));
        faults.disarm();
        ok(counted.token, function, example(operation));
        int requests = faults.seen();
        Fixture f = new Fixture(serviceOnly(operation));
        faults.armAfter(code.equals("THROTTLED") ? Fault.THROTTLING : Fault.INTERNAL_SERVER_ERROR, requests - 1);
        return f.call(function, example(operation));
    }

    /** A call reaching each error a function documents as its own, by "function CODE" ("function item CODE" for one item's). */
    Map<String, Function<Fixture, Response>> ownErrors() {
        Map<String, Function<Fixture, Response>> own = new LinkedHashMap<>();
        for (String function : List.of("getConversation", "deleteConversation")) {
            own.put(function + " NOT_FOUND", f -> f.call(function, body("conversationID", "c2c_nobody")));
        }
        own.put("setConversationDraft NOT_FOUND", f -> f.call("setConversationDraft", body("conversationID", "c2c_nobody", "draftText", "x")));
        own.put("pinConversation NOT_FOUND", f -> f.call("pinConversation", body("conversationID", "c2c_nobody", "isPinned", true)));
        own.put("pinConversation PIN_LIMIT_REACHED", f -> {
            for (int i = 0; i < 50; i++) {
                c2c(f.app, "peer" + i, "alice", 1, f.time, "hi");
                ok(f.token, "pinConversation", body("conversationID", "c2c_peer" + i, "isPinned", true));
            }
            return f.call("pinConversation", body("conversationID", "c2c_bob", "isPinned", true));
        });
        own.put("cleanConversationUnreadMessageCount NOT_FOUND",
                f -> f.call("cleanConversationUnreadMessageCount", body("conversationID", "c2c_nobody", "cleanSequence", 1)));
        own.put("cleanConversationUnreadMessageCount CONFLICT", f -> f.call("cleanConversationUnreadMessageCount",
                body("conversationID", "c2c_bob", "cleanTimestamp", (f.time - 3_600_000) / 1000)));
        Map<String, Object> newPeerSetting = Map.of(
                "setReceiveMessageOpt", body("conversationIDList", List.of("c2c_newpeer"), "opt", 2),
                "setC2CReceiveMessageOpt", body("userIDList", List.of("newpeer"), "opt", 2),
                "setGroupReceiveMessageOpt", body("groupID", "newgroup", "opt", 1),
                "markConversation", body("conversationIDList", List.of("c2c_newpeer"), "markType", 1, "enableMark", true),
                "setConversationCustomData", body("conversationIDList", List.of("c2c_newpeer"), "customData", "aGk="));
        // A refused call writes nothing, so these share one list at the limit.
        newPeerSetting.forEach((function, request) -> own.put(function + " SETTINGS_LIMIT_REACHED", f -> atSettingsLimit().call(function, request)));
        own.put("createConversationGroup CONFLICT",
                f -> f.call("createConversationGroup", body("groupName", "Work", "conversationIDList", List.of("group_g1"))));
        own.put("createConversationGroup GROUP_LIMIT_REACHED", f -> {
            for (int i = 1; i < 20; i++) {
                ok(f.token, "createConversationGroup", body("groupName", "G" + i, "conversationIDList", List.of("group_g1")));
            }
            return f.call("createConversationGroup", body("groupName", "G20", "conversationIDList", List.of("group_g1")));
        });
        own.put("renameConversationGroup NOT_FOUND", f -> f.call("renameConversationGroup", body("oldName", "Nope", "newName", "Other")));
        own.put("renameConversationGroup CONFLICT", f -> {
            ok(f.token, "createConversationGroup", body("groupName", "Friends", "conversationIDList", List.of("group_g1")));
            return f.call("renameConversationGroup", body("oldName", "Work", "newName", "Friends"));
        });
        own.put("deleteConversationGroup NOT_FOUND", f -> f.call("deleteConversationGroup", body("groupName", "Nope")));
        for (String function : List.of("addConversationsToGroup", "deleteConversationsFromGroup")) {
            own.put(function + " NOT_FOUND", f -> f.call(function, body("groupName", "Nope", "conversationIDList", List.of("c2c_bob"))));
        }
        for (String function : List.of("getConversationListByFilter", "getUnreadMessageCountByFilter")) {
            own.put(function + " NOT_FOUND", f -> f.call(function, body("filter", body("conversationGroup", "Nope"))));
        }
        own.put("deleteConversationList item NOT_FOUND", f -> f.call("deleteConversationList", body("conversationIDList", List.of("c2c_nobody"))));
        own.put("createConversationGroup item SETTINGS_LIMIT_REACHED", f -> atSettingsLimit().call("createConversationGroup",
                body("groupName", "Friends", "conversationIDList", List.of("c2c_newpeer"))));
        own.put("addConversationsToGroup item SETTINGS_LIMIT_REACHED", f -> atSettingsLimit().call("addConversationsToGroup",
                body("groupName", "Work", "conversationIDList", List.of("c2c_newpeer"))));
        own.put("clearConversationHistory NOT_FOUND",
                f -> f.call("clearConversationHistory", body("userID", "alice", "conversationID", "c2c_nobody")));
        return own;
    }

    private Fixture atSettingsLimit;

    /** Alice at the limit of peers and groups with settings (c2c_bob has one already: Work). */
    Fixture atSettingsLimit() {
        if (atSettingsLimit == null) {
            atSettingsLimit = new Fixture(false);
            List<String> peers = new ArrayList<>();
            for (int i = 1; i < 1000; i++) {
                peers.add("c2c_p" + i);
                if (peers.size() == 100 || i == 999) {
                    ok(atSettingsLimit.token, "markConversation", body("conversationIDList", peers, "markType", 1, "enableMark", true));
                    peers = new ArrayList<>();
                }
            }
        }
        return atSettingsLimit;
    }

    /**
     * A fresh app where alice's list holds c2c_bob and group_g1 (type Work, last message seq 42) and
     * she has a conversation group named Work holding c2c_bob: the state every example is written for.
     */
    final class Fixture {
        final String app = newApp();
        final long time = clock.millis() - 60_000;
        final boolean serviceOnly;
        /** The token the function's example is called with. */
        final String token;

        Fixture(boolean serviceOnly) {
            this.serviceOnly = serviceOnly;
            this.token = serviceOnly ? serviceToken(app) : userToken(app, "alice");
            String service = serviceToken(app);
            ok(service, "recordMessage", body("type", "C2C", "msgID", "m1", "seq", 1, "timestamp", time, "senderID", "bob",
                    "receiverID", "alice", "summary", "hi"));
            ok(service, "recordMessage", body("type", "GROUP", "msgID", "m42", "seq", 42, "timestamp", time + 1, "senderID", "carol",
                    "groupID", "g1", "groupType", "Work", "recipients", List.of("alice", "bob"), "summary", "see you"));
            ok(userToken(app, "alice"), "createConversationGroup", body("groupName", "Work", "conversationIDList", List.of("c2c_bob")));
        }

        Response call(String function, Object body) {
            return ApiDescriptionTest.call(token, function, body);
        }
    }

    static Response call(String token, String function, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.body(body).post("/" + function);
    }

    /** A response as written, or the shared one it refers to. */
    JsonNode resolved(JsonNode response) {
        return response.has("$ref") ? document.at(response.get("$ref").asText().substring(1)) : response;
    }

    JsonNode operation(String function) {
        return document.at("/paths/~1" + function + "/post");
    }

    static boolean serviceOnly(JsonNode operation) {
        return operation.get("x-token").asText().equals("service");
    }

    static Object example(JsonNode operation) throws Exception {
        return JSON.treeToValue(operation.at("/requestBody/content/application~1json/example"), Object.class);
    }

    @SuppressWarnings("unchecked")
    static Object withUser(Object example, String user) {
        Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) example);
        body.put("userID", user);
        return body;
    }

    /** The answer's body fits the documented response's schema, with no property the document leaves out. */
    void assertAllowed(String what, JsonNode response, Response r) throws Exception {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("$defs", document.at("/components/schemas").deepCopy());
        schema.setAll((ObjectNode) response.at("/content/application~1json/schema").deepCopy());
        closeObjects(schema);
        String text = JSON.writeValueAsString(schema).replace("#/components/schemas/", "#/$defs/");
        List<Error> errors = SCHEMAS.getSchema(text, InputFormat.JSON).validate(r.asString(), InputFormat.JSON);
        assertThat(errors).as(what + " answered " + r.asString()).isEmpty();
        assertThat(r.header("X-Request-Id")).as(what).isNotBlank();
    }

    /** Every object schema allows only its documented properties. */
    static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("properties")) {
            object.put("additionalProperties", false);
        }
        node.forEach(ApiDescriptionTest::closeObjects);
    }
}
