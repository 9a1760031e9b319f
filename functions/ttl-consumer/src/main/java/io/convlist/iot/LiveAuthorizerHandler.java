package io.convlist.iot;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import jakarta.inject.Inject;
import jakarta.inject.Named;

/** IoT Core's custom authorizer for the live channel (the same package with QUARKUS_LAMBDA_HANDLER=liveAuthorizer). */
@Named(LiveAuthorizerHandler.NAME)
public class LiveAuthorizerHandler implements RequestHandler<LiveAuthorizer.Request, LiveAuthorizer.Response> {
    public static final String NAME = "liveAuthorizer";

    @Inject
    LiveAuthorizer authorizer;

    @Override
    public LiveAuthorizer.Response handleRequest(LiveAuthorizer.Request request, Context context) {
        return authorizer.authorize(request);
    }
}
