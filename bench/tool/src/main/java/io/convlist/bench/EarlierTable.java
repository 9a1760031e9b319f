package io.convlist.bench;

import java.util.ArrayList;
import java.util.List;

import io.convlist.store.table.Keys;
import io.convlist.store.table.TableDefinition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table as earlier builds defined it: besides byOrder, byUnread (sort key unread) and byExpiry
 * (sort key expiresAt), whose keys every message moved. The cost benchmark runs on it too, so the
 * report sets today's units beside the earlier ones (and shows what a deployment that keeps such a
 * table still pays: DynamoDB cannot drop a local index).
 */
final class EarlierTable {
    private EarlierTable() {
    }

    static void create(DynamoDbClient ddb, String table) {
        CreateTableRequest now = TableDefinition.createTableRequest(table);
        List<AttributeDefinition> attributes = new ArrayList<>(now.attributeDefinitions());
        attributes.add(number(Keys.UNREAD));
        attributes.add(number(Keys.EXPIRES_AT));
        List<LocalSecondaryIndex> indexes = new ArrayList<>(now.localSecondaryIndexes());
        indexes.add(index("byUnread", Keys.UNREAD, Keys.RECV_OPT, Keys.EXPIRES_AT));
        indexes.add(index("byExpiry", Keys.EXPIRES_AT, Keys.SLOT, Keys.ORDER_KEY, Keys.PINNED));
        ddb.createTable(now.toBuilder().attributeDefinitions(attributes).localSecondaryIndexes(indexes).build());
        ddb.waiter().waitUntilTableExists(b -> b.tableName(table));
    }

    private static AttributeDefinition number(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.N).build();
    }

    private static LocalSecondaryIndex index(String name, String sortKey, String... included) {
        return LocalSecondaryIndex.builder().indexName(name)
                .keySchema(KeySchemaElement.builder().attributeName(Keys.PK).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build())
                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(included).build())
                .build();
    }
}
