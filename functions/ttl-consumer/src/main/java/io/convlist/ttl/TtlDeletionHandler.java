package io.convlist.ttl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import io.convlist.store.TtlDeletions;
import io.convlist.store.table.Keys;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Lambda on the table's DynamoDB Stream: hands the batch's REMOVE records to
 * {@link TtlDeletions}, which reconciles each list that lost conversations to TTL. Reconciling is
 * idempotent, so a batch retried by Lambda does no harm. (The deployment filters the event source
 * to TTL deletions; this handler checks again.)
 */
@Named("ttlDeletions")
public class TtlDeletionHandler implements RequestHandler<DynamodbEvent, Integer> {

    @Inject
    TtlDeletions deletions;

    /** @return how many lists were reconciled */
    @Override
    public Integer handleRequest(DynamodbEvent event, Context context) {
        List<TtlDeletions.Deletion> batch = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            if (!"REMOVE".equals(record.getEventName()) || record.getDynamodb() == null) {
                continue;
            }
            StreamRecord change = record.getDynamodb();
            Map<String, AttributeValue> keys = change.getKeys();
            Map<String, AttributeValue> old = change.getOldImage();
            batch.add(new TtlDeletions.Deletion(keys.get(Keys.PK).getS(), keys.get(Keys.SK).getS(),
                    record.getUserIdentity() == null ? null : record.getUserIdentity().getPrincipalId(),
                    old == null ? Map.of() : DynamodbAttributeValueTransformer.toAttributeValueMapV2(old)));
        }
        return deletions.handle(batch).size();
    }
}
