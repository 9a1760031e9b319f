package io.convlist.iot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convlist.domain.ConversationId;
import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationType;
import io.convlist.domain.Edition;
import io.convlist.domain.GroupType;
import io.convlist.domain.message.MembershipChange;
import io.convlist.domain.message.MessageEvent;
import io.convlist.events.LiveEvent;
import io.convlist.store.ConversationStore;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MotoRecording;
import io.convlist.testkit.StreamTail;
import io.convlist.view.ListChange;
import io.convlist.view.LiveTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The AWS publisher, against moto's IoT data plane: a history made through the store is read back from
 * the table's real stream, published, and moto's recording must hold exactly one signed Publish per
 * change of a user's list, to that user's topic, with the event devices get from the local channel.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
@QuarkusTestResource(IotEndpointTestResource.class)
class IotLiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ConversationStore store;

    @Inject
    DynamoDbClient ddb;

    @Inject
    LivePublishing live;

    @Inject
    AppSettingsStore settings;

    @ConfigProperty(name = "convlist.table")
    String table;

    @ConfigProperty(name = "convlist.dynamodb.endpoint")
    URI tableEndpoint;

    @ConfigProperty(name = "convlist.live.iot-endpoint")
    URI iot;

    MessageEvent c2c(String from, String to, long seq) {
        return new MessageEvent(ConversationType.C2C, from + "-" + seq, seq, System.currentTimeMillis(), from, to, null, null, List.of(),
                "hi " + seq, java.util.Set.of(), false).validated();
    }

    @Test
    void eachChangeOfAList_isOneSignedPublish_toItsUsersTopic() throws Exception {
        String app = "app" + UUID.randomUUID().toString().substring(0, 6);
        MotoRecording.start(iot);
        try (StreamTail stream = StreamTail.startingNow(ddb, tableEndpoint, table)) {
            store.recordMessage(app, c2c("bob", "alice", 1));
            store.createConversationGroup(app, "alice", "friends", List.of(ConversationId.c2c("bob")));
            store.delete(app, "alice", ConversationId.c2c("bob"), true);

            IotPublisher.Outcome outcome = live.publish(stream.changes());
            assertThat(outcome.failed()).isZero();

            List<MotoRecording.Request> publishes = MotoRecording.requests(iot).stream()
                    .filter(r -> r.url().getPath().startsWith("/topics/")).toList();
            assertThat(publishes).hasSize(outcome.published());
            for (MotoRecording.Request p : publishes) {
                assertThat(p.method()).isEqualTo("POST");
                assertThat(p.url().getQuery()).isEqualTo("qos=0");
                assertThat(p.headers().get("Authorization")).contains("/us-east-1/iotdata/aws4_request");
            }
            Map<String, List<String>> byTopic = new java.util.TreeMap<>();
            for (MotoRecording.Request p : publishes) {
                String topic = java.net.URLDecoder.decode(p.url().getRawPath().substring("/topics/".length()), "UTF-8");
                JsonNode event = JSON.readTree(p.body());
                String what = event.get("event").asText() + switch (event.get("event").asText()) {
                    case LiveEvent.CHANGED -> " " + event.at("/conversation/conversationID").asText()
                            + " " + event.at("/conversation/lastMessage/content").asText("");
                    case LiveEvent.REMOVED -> " " + event.at("/removed/conversationID").asText() + " " + event.at("/removed/reason").asText()
                            + " clear=" + event.at("/removed/clearMessage").asBoolean();
                    default -> " " + event.get("conversationGroupList");
                };
                byTopic.computeIfAbsent(topic, t -> new java.util.ArrayList<>()).add(what);
            }
            // bob's list: his conversation with alice. alice's: hers with bob, then its group, then its removal.
            assertThat(byTopic.keySet()).containsExactly(LiveTopics.user(app, "alice"), LiveTopics.user(app, "bob"));
            assertThat(byTopic.get(LiveTopics.user(app, "bob"))).hasSize(1).allMatch(e -> e.startsWith(LiveEvent.CHANGED + " c2c_alice"));
            assertThat(byTopic.get(LiveTopics.user(app, "alice"))).contains(
                    LiveEvent.GROUPS_CHANGED + " [\"friends\"]",
                    LiveEvent.REMOVED + " c2c_bob DELETED clear=true");
            assertThat(byTopic.get(LiveTopics.user(app, "alice"))).anyMatch(e -> e.startsWith(LiveEvent.CHANGED + " c2c_bob"));
        }
    }

    /**
     * A large group's message is one publish to the group's topic (its members' devices subscribe to it),
     * beside the sender's list's change; a group in recipients mode publishes nothing to a group topic.
     */
    @Test
    void aLargeGroupsMessage_isOnePublish_toTheGroupsTopic() throws Exception {
        String app = "app" + UUID.randomUUID().toString().substring(0, 6);
        settings.put(new AppSettings(app, app, Edition.STANDARD, 100, 7, 3), "test"); // large from 3 members
        store.addGroupMembers(app, new MembershipChange("big", GroupType.Work, 0, List.of("m0", "m1", "m2")).validated(true));
        store.addGroupMembers(app, new MembershipChange("small", GroupType.Work, 0, List.of("m0", "m1")).validated(true));
        MotoRecording.start(iot);
        try (StreamTail stream = StreamTail.startingNow(ddb, tableEndpoint, table)) {
            for (String group : List.of("big", "small")) {
                store.recordMessage(app, new MessageEvent(ConversationType.GROUP, group + "-1", 1, System.currentTimeMillis(), "m0", null, group,
                        GroupType.Work, group.equals("small") ? List.of("m1") : List.of(), "hi", Set.of(), true).validated());
            }
            IotPublisher.Outcome outcome = live.publish(stream.changes());
            assertThat(outcome.failed()).isZero();
            List<String> groupTopics = new java.util.ArrayList<>();
            for (MotoRecording.Request p : MotoRecording.requests(iot)) {
                String topic = java.net.URLDecoder.decode(p.url().getRawPath().substring("/topics/".length()), "UTF-8");
                if (topic.contains("/group/")) {
                    groupTopics.add(topic);
                    JsonNode event = JSON.readTree(p.body());
                    assertThat(event.get("event").asText()).isEqualTo(LiveEvent.LARGE_GROUP_ACTIVITY);
                    assertThat(event.at("/largeGroup/lastSeq").asLong()).isEqualTo(1);
                    assertThat(event.at("/largeGroup/atAllSeqs/0").asLong()).isEqualTo(1);
                    assertThat(event.at("/largeGroup/lastMessage/msgID").asText()).isEqualTo("big-1");
                }
            }
            assertThat(groupTopics).containsExactly(LiveTopics.group(app, "big"));
        }
    }

    /** IoT Core unreachable: every change of the batch counts as failed, and nothing is thrown (the batch's counting goes on). */
    @Test
    void anUnreachableEndpoint_failsThePublishes_withoutThrowing() {
        var unreachable = new IotPublisher(URI.create("http://127.0.0.1:9"), "us-east-1", AnonymousCredentialsProvider.create(),
                UrlConnectionHttpClient.builder().connectionTimeout(java.time.Duration.ofMillis(500)).build(), JSON,
                Executors.newSingleThreadExecutor());
        var change = new ListChange.GroupsChanged("app", "alice", List.of("friends"));
        assertThat(unreachable.publish(List.of(IotPublisher.Publication.of(change), IotPublisher.Publication.of(change))))
                .isEqualTo(new IotPublisher.Outcome(0, 2));
    }
}
