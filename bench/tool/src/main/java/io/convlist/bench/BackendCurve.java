package io.convlist.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.convlist.store.table.DynamoDbClients;
import io.convlist.store.table.TableDefinition;
import io.convlist.testkit.EmbeddedDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The backend's own growth, on the bare SDK and apart from the service: as a table fills (bulk
 * BatchWriteItem, 100 items per partition like users' lists), the time of a two-item transaction and
 * of a one-partition Query, on the project's backend and on stock moto (without the launcher's two
 * fixes), side by side.
 */
final class BackendCurve {
    record Sizes(List<Integer> tableItems, int probes) {
        static final Sizes FULL = new Sizes(List.of(0, 1_000, 5_000, 10_000, 30_000), 5);
        static final Sizes QUICK = new Sizes(List.of(0, 200), 2);
    }

    /** At one table size: medians in ms, for the project's backend and for stock moto. */
    record Point(int items, double transaction, double query, double stockTransaction, double stockQuery) {
    }

    private static final String TABLE = "bench-curve";
    private static final String PADDING = "x".repeat(300);

    static List<Point> run(Sizes sizes) {
        List<double[]> project;
        List<double[]> stock;
        try (EmbeddedDynamoDb backend = EmbeddedDynamoDb.launch(false)) {
            project = curve(backend, sizes);
        }
        try (EmbeddedDynamoDb backend = EmbeddedDynamoDb.launch(true)) {
            stock = curve(backend, sizes);
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < sizes.tableItems().size(); i++) {
            points.add(new Point(sizes.tableItems().get(i), project.get(i)[0], project.get(i)[1], stock.get(i)[0], stock.get(i)[1]));
        }
        return points;
    }

    /** For each size: {transaction ms, query ms}. */
    private static List<double[]> curve(EmbeddedDynamoDb backend, Sizes sizes) {
        DynamoDbClient ddb = DynamoDbClients.build(Optional.of(backend.endpoint), "us-east-1", List.of());
        TableDefinition.createIfMissing(ddb, TABLE);
        for (int i = 0; i < 3; i++) {
            transactionMillis(ddb, TABLE, "warm-up#" + i); // the client's first requests load its classes
        }
        List<double[]> out = new ArrayList<>();
        int loaded = 0;
        for (int size : sizes.tableItems()) {
            loaded = load(ddb, loaded, size);
            double[] tx = new double[sizes.probes()];
            double[] query = new double[sizes.probes()];
            for (int i = 0; i < sizes.probes(); i++) {
                tx[i] = transactionMillis(ddb, TABLE, "probe#" + size + "#" + i);
                long start = System.nanoTime();
                ddb.query(q -> q.tableName(TABLE).keyConditionExpression("pk = :pk").limit(20)
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("load#0"))));
                query[i] = (System.nanoTime() - start) / 1e6;
            }
            out.add(new double[] {Spread.of(tx).median(), Spread.of(query).median()});
        }
        return out;
    }

    /**
     * The time of one two-item transaction (a new item under a condition and a counter update: the
     * shape of a conversation creation), in ms.
     */
    static double transactionMillis(DynamoDbClient ddb, String table, String newItemPk) {
        long start = System.nanoTime();
        ddb.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item(newItemPk, "item"))
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS("probe"), "sk", AttributeValue.fromS("counter")))
                        .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))
                        .build()));
        return (System.nanoTime() - start) / 1e6;
    }

    private static int load(DynamoDbClient ddb, int from, int to) {
        for (int n = from; n < to; n += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = n; i < Math.min(to, n + 25); i++) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("load#" + i / 100, "c#" + i)).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(TABLE, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> send = pending;
                pending = ddb.batchWriteItem(b -> b.requestItems(send)).unprocessedItems();
            }
        }
        return to;
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        item.put("body", AttributeValue.fromS(PADDING));
        return item;
    }

    static String section(List<Point> points, Sizes sizes) {
        StringBuilder md = new StringBuilder();
        md.append("Bare SDK on a fresh backend of each kind, the table filled in bulk between rows; medians of ")
                .append(sizes.probes()).append(" requests. Transaction = a Put and an Update in one TransactWriteItems; ")
                .append("query = 20 items of one 100-item partition.\n\n");
        md.append("| items in the table | transaction ms, project's backend | transaction ms, stock moto | ")
                .append("query ms, project's backend | query ms, stock moto |\n|---|---|---|---|---|\n");
        for (Point p : points) {
            md.append(String.format("| %d | %.1f | %.1f | %.1f | %.1f |%n", p.items(), p.transaction(), p.stockTransaction(),
                    p.query(), p.stockQuery()));
        }
        return md.toString();
    }
}
