package io.convlist.iot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.convlist.view.LiveTopics;

/**
 * The IoT Core policies the live channel's authorizer answers for a user: its own list (connect under
 * its client IDs, subscribe to and receive its topic) and its large groups' topics, within IoT's
 * bounds ({@value #MAX_POLICY_DOCUMENTS} documents of {@value #MAX_POLICY_CHARS} characters). Nothing
 * else: no publishing, no other topic, no wildcard.
 */
final class LivePolicies {
    static final int MAX_POLICY_DOCUMENTS = 10;
    static final int MAX_POLICY_CHARS = 2048;
    /** What a group policy document holds besides its resources' names, and each name's quotes and comma (generous). */
    private static final int GROUP_POLICY_FRAME_CHARS = 200;
    private static final int RESOURCE_FRAME_CHARS = 3;

    private LivePolicies() {
    }

    /**
     * Subscribe to and receive the topics of the user's large groups, packed into the documents IoT
     * allows beside the first; groups beyond them (in ID order) are left out, and their devices hear of
     * them by sync (docs/live.md gives the number).
     */
    static List<Map<String, Object>> largeGroups(IotLiveConfig config, String appId, List<String> groups) {
        String arn = config.iotArnPrefix();
        List<Map<String, Object>> documents = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        int chars = GROUP_POLICY_FRAME_CHARS;
        for (String group : groups) {
            String topic = LiveTopics.group(appId, group);
            String filter = arn + "topicfilter/" + topic;
            String name = arn + "topic/" + topic;
            int more = filter.length() + name.length() + 2 * RESOURCE_FRAME_CHARS;
            if (chars + more > MAX_POLICY_CHARS) {
                documents.add(receiving(filters, topics));
                filters = new ArrayList<>();
                topics = new ArrayList<>();
                chars = GROUP_POLICY_FRAME_CHARS;
                if (documents.size() == MAX_POLICY_DOCUMENTS - 1) {
                    break;
                }
            }
            filters.add(filter);
            topics.add(name);
            chars += more;
        }
        if (!filters.isEmpty() && documents.size() < MAX_POLICY_DOCUMENTS - 1) {
            documents.add(receiving(filters, topics));
        }
        return documents;
    }

    private static Map<String, Object> receiving(List<String> filters, List<String> topics) {
        return Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Effect", "Allow", "Action", "iot:Subscribe", "Resource", filters),
                Map.of("Effect", "Allow", "Action", "iot:Receive", "Resource", topics)));
    }

    /** Connect under the user's client IDs, subscribe to and receive the user's topic: nothing else. */
    static Map<String, Object> ownList(IotLiveConfig config, String appId, String userId) {
        String arn = config.iotArnPrefix();
        List<String> clients = new ArrayList<>();
        for (int slot = 0; slot < config.maxConnectionsPerUser(); slot++) {
            clients.add(arn + "client/" + LiveTopics.clientId(appId, userId, slot));
        }
        String topic = LiveTopics.user(appId, userId);
        return Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Effect", "Allow", "Action", "iot:Connect", "Resource", clients),
                Map.of("Effect", "Allow", "Action", "iot:Subscribe", "Resource", arn + "topicfilter/" + topic),
                Map.of("Effect", "Allow", "Action", "iot:Receive", "Resource", arn + "topic/" + topic)));
    }
}
