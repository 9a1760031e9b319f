package io.convlist.api.doc;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.convlist.api.ConversationFunctions;
import io.convlist.api.ConversationGroupFunctions;
import io.convlist.api.ConversationSettingsFunctions;
import io.convlist.api.FilterFunctions;
import io.convlist.api.LastMessageFunctions;
import io.convlist.api.ReceiveOptFunctions;
import io.convlist.api.ServiceFunctions;
import io.convlist.api.SyncFunctions;
import io.convlist.domain.ErrorCode;
import io.convlist.runtime.HttpStatuses;
import io.quarkus.funqy.Funq;

/**
 * The OpenAPI document of the functions, built at build time from the function classes: a POST
 * path per {@code @Funq} method, its request and response schemas from the records it takes and
 * returns ({@link RecordSchemas}), and its errors: those every function can answer and those of its
 * {@link FunctionDoc}. SmallRye OpenAPI serves it at /q/openapi; it cannot scan Funqy itself.
 */
public class FunctionApiReader implements OASModelReader {

    /** The classes whose functions the document describes, each under a tag. ApiDescriptionTest checks them against those served. */
    static final Map<Class<?>, String> FUNCTION_CLASSES = new LinkedHashMap<>();
    static {
        FUNCTION_CLASSES.put(ConversationFunctions.class, "Conversations");
        FUNCTION_CLASSES.put(ReceiveOptFunctions.class, "Receive options");
        FUNCTION_CLASSES.put(ConversationSettingsFunctions.class, "Marks and custom data");
        FUNCTION_CLASSES.put(ConversationGroupFunctions.class, "Conversation groups");
        FUNCTION_CLASSES.put(FilterFunctions.class, "Filters");
        FUNCTION_CLASSES.put(SyncFunctions.class, "Device sync");
        FUNCTION_CLASSES.put(ServiceFunctions.class, "Messages, members and profiles (service token)");
        FUNCTION_CLASSES.put(LastMessageFunctions.class, "Last message (service token)");
    }

    private static final String JSON = "application/json";
    private static final String REQUEST_ID = "X-Request-Id";
    private static final String RETRY_AFTER = "Retry-After";
    private static final ObjectMapper EXAMPLES = new ObjectMapper();

    /** An error and when it comes; {@code sharedAs}: the name of the response every function with it refers to, or null. */
    record Failure(ErrorCode code, String when, String sharedAs) {
    }

    private static final String THROTTLED = "DynamoDB throttled the table, or concurrent writers to one list kept winning; "
            + "retry after Retry-After.";
    private static final String UNAVAILABLE = "DynamoDB failed or could not be reached, or the call ran out of time; "
            + "retry after Retry-After. What was done stays valid: calling again completes it.";

    /** The error responses functions share, by name (kept once in the document's components). */
    private final Map<String, APIResponse> sharedResponses = new TreeMap<>();

    @Override
    public OpenAPI buildModel() {
        RecordSchemas schemas = new RecordSchemas();
        OpenAPI api = OASFactory.createOpenAPI().openapi("3.1.0")
                .info(OASFactory.createInfo().title("Conversation list functions").version("1").description(ApiText.OVERVIEW))
                .paths(OASFactory.createPaths())
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        for (Map.Entry<Class<?>, String> functions : FUNCTION_CLASSES.entrySet()) {
            api.addTag(OASFactory.createTag().name(functions.getValue()));
            List<Method> methods = new ArrayList<>();
            for (Method m : functions.getKey().getMethods()) {
                if (m.isAnnotationPresent(Funq.class)) {
                    methods.add(m);
                }
            }
            methods.sort(Comparator.comparing(FunctionApiReader::name));
            for (Method m : methods) {
                api.getPaths().addPathItem("/" + name(m), OASFactory.createPathItem().POST(operation(m, functions.getValue(), schemas)));
            }
        }
        return api.components(OASFactory.createComponents().schemas(new TreeMap<>(schemas.components())).responses(sharedResponses)
                .addSecurityScheme("bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description(ApiText.TOKENS))
                .addHeader(REQUEST_ID, OASFactory.createHeader().description(ApiText.REQUEST_ID)
                        .schema(OASFactory.createSchema().addType(SchemaType.STRING)))
                .addHeader(RETRY_AFTER, OASFactory.createHeader().description("Seconds to wait before retrying.")
                        .schema(OASFactory.createSchema().addType(SchemaType.INTEGER))));
    }

    /** The function's name, as Funqy routes it. */
    private static String name(Method m) {
        String named = m.getAnnotation(Funq.class).value();
        return named.isEmpty() ? m.getName() : named;
    }

    private Operation operation(Method m, String tag, RecordSchemas schemas) {
        FunctionDoc doc = m.getAnnotation(FunctionDoc.class);
        if (doc == null || m.getParameterCount() != 1) {
            throw new IllegalStateException("function " + name(m) + " needs one request record and a @FunctionDoc (api.doc)");
        }
        StringBuilder description = new StringBuilder(doc.description());
        for (FunctionDoc.Fails f : doc.itemFails()) {
            description.append("\n\nAn item's resultCode ").append(HttpStatuses.of(f.code())).append(", resultInfo `")
                    .append(f.code()).append("`: ").append(f.when());
        }
        if (doc.serviceOnly()) {
            description.append("\n\nOnly the app's backend may call it (a service token).");
        }
        Operation op = OASFactory.createOperation().operationId(name(m)).summary(doc.summary())
                .description(description.toString().strip()).addTag(tag)
                .addExtension("x-token", doc.serviceOnly() ? "service" : "user or service")
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType(JSON, OASFactory.createMediaType().schema(schemas.refTo(m.getParameterTypes()[0], false))
                                .example(example(name(m), doc.example())))));
        APIResponses responses = OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                .description("Done.").addHeader(REQUEST_ID, headerRef(REQUEST_ID))
                .content(json(schemas.refTo(m.getReturnType(), true))));
        Map<Integer, List<Failure>> byStatus = new TreeMap<>();
        for (Failure f : failures(doc)) {
            byStatus.computeIfAbsent(HttpStatuses.of(f.code()), s -> new ArrayList<>()).add(f);
        }
        byStatus.forEach((status, failures) -> {
            String shared = failures.size() == 1 ? failures.get(0).sharedAs() : null;
            if (shared == null) {
                responses.addAPIResponse(String.valueOf(status), errorResponse(failures));
            } else {
                sharedResponses.computeIfAbsent(shared, name -> errorResponse(failures));
                responses.addAPIResponse(String.valueOf(status), OASFactory.createAPIResponse().ref("#/components/responses/" + shared));
            }
        });
        if (doc.itemFails().length > 0) {
            op.addExtension("x-item-errors", Arrays.stream(doc.itemFails()).map(f -> f.code().name()).toList());
        }
        return op.responses(responses);
    }

    /** The errors every function can answer, then its own. */
    static List<Failure> failures(FunctionDoc doc) {
        List<Failure> all = new ArrayList<>();
        all.add(new Failure(ErrorCode.INVALID_ARGUMENT, "The body is not this function's JSON, or a field breaks its rules "
                + "(see the request schema); nothing is written.", "InvalidArgument"));
        all.add(new Failure(ErrorCode.UNAUTHENTICATED, "No bearer token, or one that is invalid or expired.", "Unauthenticated"));
        all.add(doc.serviceOnly() ? new Failure(ErrorCode.PERMISSION_DENIED, "A user token: only the app's backend may call this.", "UserToken")
                : new Failure(ErrorCode.PERMISSION_DENIED, "A user token naming another user's list (userID).", "AnotherUsersList"));
        for (FunctionDoc.Fails f : doc.fails()) {
            all.add(new Failure(f.code(), f.when(), null));
        }
        if (!doc.retryableOnlyPerItem()) {
            all.add(new Failure(ErrorCode.THROTTLED, THROTTLED, "Throttled"));
            all.add(new Failure(ErrorCode.UNAVAILABLE, UNAVAILABLE, "Unavailable"));
        }
        return all;
    }

    private static APIResponse errorResponse(List<Failure> failures) {
        StringBuilder text = new StringBuilder();
        for (Failure f : failures) {
            text.append(text.isEmpty() ? "" : "\n\n").append('`').append(f.code()).append("`: ").append(f.when());
        }
        APIResponse response = OASFactory.createAPIResponse().description(text.toString()).addHeader(REQUEST_ID, headerRef(REQUEST_ID))
                .content(json(errorSchema(failures.stream().map(f -> f.code().name()).toList())));
        if (HttpStatuses.isRetryable(failures.get(0).code())) {
            response.addHeader(RETRY_AFTER, headerRef(RETRY_AFTER));
        }
        return response;
    }

    /** The error body, with the codes it can carry. */
    private static Schema errorSchema(List<String> codes) {
        Schema code = OASFactory.createSchema().addType(SchemaType.STRING).description("What went wrong, for programs.")
                .enumeration(List.copyOf(codes));
        return OASFactory.createSchema().addType(SchemaType.OBJECT).addRequired("code").addRequired("message")
                .addProperty("code", code)
                .addProperty("message", OASFactory.createSchema().addType(SchemaType.STRING).description("What went wrong, for people."));
    }

    private static Content json(Schema schema) {
        return OASFactory.createContent().addMediaType(JSON, OASFactory.createMediaType().schema(schema));
    }

    private static Header headerRef(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }

    private static Object example(String function, String json) {
        try {
            return EXAMPLES.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the example of " + function + " is not JSON: " + e.getOriginalMessage());
        }
    }
}
