package io.convlist.ttl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import io.convlist.iot.IotPublisher;
import io.convlist.iot.LivePublishing;
import io.convlist.store.ConversationStore;
import io.convlist.store.table.Keys;
import io.convlist.store.usage.UsageChanges;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Lambda that dispatches the table's changes to what follows them (the stream's second reader,
 * beside the TTL consumer; AWS throttles a third: the same package with
 * QUARKUS_LAMBDA_HANDLER=listChanges). First it publishes the users' list changes to their devices
 * ({@link LivePublishing}; best effort, never failing the batch), then it keeps each app's usage
 * counters. A batch is identified by a digest of its records' event IDs, so the whole-batch retries
 * its event source makes (no bisecting) count it once; a retried batch's events go out again, which
 * devices ignore (they keep the later state).
 */
@Named(ListChangesHandler.NAME)
public class ListChangesHandler implements RequestHandler<DynamodbEvent, Integer> {
    public static final String NAME = "listChanges";

    @Inject
    LivePublishing live;

    @Inject
    ConversationStore store;

    @Inject
    UsageMetrics metrics;

    /** @return how many changes the batch held */
    @Override
    public Integer handleRequest(DynamodbEvent event, Context context) {
        List<UsageChanges.Change> changes = new ArrayList<>();
        MessageDigest batch = sha256();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            batch.update(String.valueOf(record.getEventID()).getBytes(StandardCharsets.UTF_8));
            StreamRecord change = record.getDynamodb();
            if (change == null || change.getKeys() == null) {
                continue;
            }
            Map<String, AttributeValue> keys = change.getKeys();
            changes.add(new UsageChanges.Change(record.getEventName(), keys.get(Keys.PK).getS(), keys.get(Keys.SK).getS(),
                    image(change.getOldImage()), image(change.getNewImage()),
                    change.getApproximateCreationDateTime() == null ? 0 : change.getApproximateCreationDateTime().getTime()));
        }
        IotPublisher.Outcome published = live.publish(changes);
        metrics.recordLive(published.published(), published.failed());
        metrics.record(store.usage().apply(HexFormat.of().formatHex(batch.digest()), changes));
        return changes.size();
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image(Map<String, AttributeValue> image) {
        return image == null ? Map.of() : DynamodbAttributeValueTransformer.toAttributeValueMapV2(image);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
