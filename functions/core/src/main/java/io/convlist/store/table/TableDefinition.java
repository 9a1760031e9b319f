package io.convlist.store.table;

import java.util.List;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The table, defined once: the local run and the tests create it from here, and the CDK stack is
 * tested against it.
 */
public final class TableDefinition {
    private TableDefinition() {
    }

    public static List<AttributeDefinition> attributes() {
        return List.of(
                attr(Keys.PK, ScalarAttributeType.S),
                attr(Keys.SK, ScalarAttributeType.S),
                attr(Keys.ORDER_KEY, ScalarAttributeType.N));
    }

    public static List<KeySchemaElement> keySchema() {
        return List.of(key(Keys.PK, KeyType.HASH), key(Keys.SK, KeyType.RANGE));
    }

    /**
     * One index, the list in order. Every index whose key a message moves costs a delete and a put
     * per list per message, so nothing else is indexed: the total unread count, the cap's
     * bookkeeping and device sync read the list's items themselves (see README, "Cost").
     */
    public static List<LocalSecondaryIndex> localIndexes() {
        return List.of(lsi(Keys.INDEX_BY_ORDER, Keys.ORDER_KEY, Projection.builder().projectionType(ProjectionType.ALL).build()));
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .attributeDefinitions(attributes())
                .keySchema(keySchema())
                .localSecondaryIndexes(localIndexes())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                // Old images of removed items let a stream consumer reconcile after TTL deletions.
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                .build();
    }

    /** Creates the table with TTL on {@link Keys#EXPIRES_AT}; an existing table is left as it is. */
    public static void createIfMissing(DynamoDbClient ddb, String tableName) {
        try {
            ddb.createTable(createTableRequest(tableName));
            ddb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        ddb.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(tableName)
                .timeToLiveSpecification(TimeToLiveSpecification.builder()
                        .attributeName(Keys.EXPIRES_AT).enabled(true).build())
                .build());
    }

    private static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static LocalSecondaryIndex lsi(String name, String sortKey, Projection projection) {
        return LocalSecondaryIndex.builder().indexName(name)
                .keySchema(key(Keys.PK, KeyType.HASH), key(sortKey, KeyType.RANGE))
                .projection(projection).build();
    }
}
