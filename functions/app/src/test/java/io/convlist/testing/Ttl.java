package io.convlist.testing;

import java.util.List;
import java.util.Map;

import io.convlist.store.TtlDeletions;
import io.convlist.store.table.Keys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What DynamoDB's TTL does, late and behind the application's back (the local backend never deletes). */
public final class Ttl {
    private Ttl() {
    }

    /**
     * Deletes the list's items whose expiresAt has passed, as TTL would, and returns what the
     * table's stream would hand the TTL consumer for them (TTL's own principal, the old images).
     */
    public static List<TtlDeletions.Deletion> deleteExpired(DynamoDbClient ddb, String table, String app, String user,
            long nowMillis) {
        var items = ddb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.userPk(app, user))))).items();
        List<TtlDeletions.Deletion> deleted = new java.util.ArrayList<>();
        for (var item : items) {
            if (item.containsKey(Keys.EXPIRES_AT) && Long.parseLong(item.get(Keys.EXPIRES_AT).n()) <= nowMillis / 1000) {
                ddb.deleteItem(d -> d.tableName(table).key(Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK))));
                deleted.add(new TtlDeletions.Deletion(item.get(Keys.PK).s(), item.get(Keys.SK).s(), TtlDeletions.TTL_PRINCIPAL, item));
            }
        }
        return deleted;
    }

    /** The stream's removals of one list, as the TTL consumer receives them. */
    public static List<TtlDeletions.Deletion> streamDeletions(DynamoDbClient ddb, String table, String app, String user) {
        String pk = Keys.userPk(app, user);
        return StreamRecords.removals(ddb, table).stream().filter(d -> pk.equals(d.pk())).toList();
    }
}
