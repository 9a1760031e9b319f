package io.convlist.iot;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.jboss.logging.Logger;

import io.convlist.store.ConversationStore;
import io.convlist.view.LiveTopics;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * IoT Core's lifecycle events of the live channel's devices, from a topic rule on
 * {@code $aws/events/presence/#} (the same package with QUARKUS_LAMBDA_HANDLER=livePresence): each
 * connect and disconnect is recorded for the console's counts (DevicePresence), ordered by the
 * event's {@code versionNumber}, as IoT may deliver them twice or out of order. A client ID that is
 * not a device's of this service is ignored.
 */
@Named(LivePresenceHandler.NAME)
public class LivePresenceHandler implements RequestHandler<LivePresenceHandler.Lifecycle, Void> {
    public static final String NAME = "livePresence";
    private static final Logger LOG = Logger.getLogger(LivePresenceHandler.class);
    /** IoT Core ends every connection within a day (the authorizer's disconnectAfterInSeconds is at most that). */
    static final long LONGEST_CONNECTION_SECONDS = 86_400;

    /** What a connect or disconnect event carries that this needs (epoch milliseconds). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lifecycle(String clientId, String eventType, long timestamp, long versionNumber) {
    }

    @Inject
    ConversationStore store;

    @Override
    public Void handleRequest(Lifecycle event, Context context) {
        LiveTopics.Client client = LiveTopics.client(event.clientId());
        if (client == null) {
            LOG.debugf("lifecycle event of client %s: not a device of the live channel", event.clientId());
            return null;
        }
        String device = Integer.toString(client.slot());
        switch (event.eventType() == null ? "" : event.eventType()) {
            case "connected" -> store.devices().connected(client.appId(), client.userId(), device, event.versionNumber(),
                    event.timestamp() / 1000 + LONGEST_CONNECTION_SECONDS);
            case "disconnected" -> store.devices().disconnected(client.appId(), client.userId(), device, event.versionNumber());
            default -> LOG.debugf("lifecycle event %s of %s: not a connect or disconnect", event.eventType(), event.clientId());
        }
        return null;
    }
}
