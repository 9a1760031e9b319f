package io.convlist.testing;

import java.util.ArrayList;
import java.util.List;

import io.convlist.store.TtlDeletions;
import io.convlist.store.table.Keys;
import io.convlist.testkit.TestBackend;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Reads the table's DynamoDB Stream from the backend, as a Streams consumer (Lambda) would receive it. */
public final class StreamRecords {
    private StreamRecords() {
    }

    /** Every REMOVE record the stream holds, oldest first. */
    public static List<TtlDeletions.Deletion> removals(DynamoDbClient ddb, String table) {
        String arn = ddb.describeTable(d -> d.tableName(table)).table().latestStreamArn();
        List<TtlDeletions.Deletion> out = new ArrayList<>();
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(TestBackend.endpoint())
                .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            for (Shard shard : streams.describeStream(d -> d.streamArn(arn)).streamDescription().shards()) {
                String iterator = streams.getShardIterator(g -> g.streamArn(arn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    final String current = iterator;
                    var page = streams.getRecords(g -> g.shardIterator(current));
                    for (Record r : page.records()) {
                        if (r.eventName() == OperationType.REMOVE) {
                            var keys = r.dynamodb().keys();
                            var old = r.dynamodb().hasOldImage() ? r.dynamodb().oldImage() : java.util.Map.<String, AttributeValue>of();
                            out.add(new TtlDeletions.Deletion(keys.get(Keys.PK).s(), keys.get(Keys.SK).s(),
                                    r.userIdentity() == null ? null : r.userIdentity().principalId(), old));
                        }
                    }
                    iterator = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            }
        }
        return out;
    }
}
