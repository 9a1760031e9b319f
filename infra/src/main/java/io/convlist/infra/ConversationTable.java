package io.convlist.infra;

import io.convlist.store.table.Keys;
import io.convlist.store.table.TableDefinition;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.LocalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.constructs.Construct;

/**
 * The one table, with the keys and indexes of {@link TableDefinition}: TTL on {@link Keys#EXPIRES_AT},
 * on-demand, point-in-time recovery, deletion protection, retained on stack deletion, encrypted,
 * and a stream with old images for the TTL consumer.
 */
public class ConversationTable extends Construct {
    /** The table's logical ID in every release so far: an update of the stack must never replace the table. */
    static final String LOGICAL_ID = "TableCD117FA1";

    private final Table table;

    public ConversationTable(Construct scope, String id) {
        super(scope, id);
        table = Table.Builder.create(this, "Table")
                .partitionKey(attribute(Keys.PK)).sortKey(attribute(Keys.SK))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute(Keys.EXPIRES_AT)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .encryption(TableEncryption.AWS_MANAGED)
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .build();
        StableLogicalIds.keep(table, LOGICAL_ID);
        for (LocalSecondaryIndex lsi : TableDefinition.localIndexes()) {
            String sortKey = lsi.keySchema().get(1).attributeName();
            LocalSecondaryIndexProps.Builder index = LocalSecondaryIndexProps.builder().indexName(lsi.indexName())
                    .sortKey(attribute(sortKey)).projectionType(ProjectionType.valueOf(lsi.projection().projectionTypeAsString()));
            if (lsi.projection().hasNonKeyAttributes()) {
                index.nonKeyAttributes(lsi.projection().nonKeyAttributes());
            }
            table.addLocalSecondaryIndex(index.build());
        }
    }

    public Table table() {
        return table;
    }

    private static Attribute attribute(String name) {
        ScalarAttributeType type = TableDefinition.attributes().stream().filter(a -> a.attributeName().equals(name))
                .findFirst().orElseThrow().attributeType();
        return Attribute.builder().name(name).type(type == ScalarAttributeType.N ? AttributeType.NUMBER : AttributeType.STRING).build();
    }
}
