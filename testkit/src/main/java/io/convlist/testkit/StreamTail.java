package io.convlist.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.convlist.store.table.Keys;
import io.convlist.store.usage.UsageChanges;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The table's change stream from now on, as the embedded backend serves it over the wire: what a
 * stream consumer would be handed, for tests that feed one a known history.
 */
public final class StreamTail implements AutoCloseable {
    private final DynamoDbStreamsClient streams;
    private final List<String> iterators = new ArrayList<>();

    private StreamTail(DynamoDbStreamsClient streams, String streamArn) {
        this.streams = streams;
        for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
            iterators.add(streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.LATEST)).shardIterator());
        }
    }

    /** Starts reading the table's stream at its end. */
    public static StreamTail startingNow(DynamoDbClient ddb, URI endpoint, String table) {
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        return new StreamTail(streams, ddb.describeTable(r -> r.tableName(table)).table().latestStreamArn());
    }

    /** Every change since the start (or the last call), as the usage counters take them. */
    public List<UsageChanges.Change> changes() {
        List<UsageChanges.Change> out = new ArrayList<>();
        for (int i = 0; i < iterators.size(); i++) {
            String it = iterators.get(i);
            while (true) {
                String at = it;
                GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(at));
                for (Record r : page.records()) {
                    var d = r.dynamodb();
                    out.add(new UsageChanges.Change(r.eventNameAsString(), d.keys().get(Keys.PK).s(), d.keys().get(Keys.SK).s(),
                            d.oldImage(), d.newImage(), d.approximateCreationDateTime().toEpochMilli()));
                }
                it = page.nextShardIterator();
                if (page.records().isEmpty() || it == null) {
                    break;
                }
            }
            iterators.set(i, it);
        }
        return out;
    }

    @Override
    public void close() {
        streams.close();
    }
}
