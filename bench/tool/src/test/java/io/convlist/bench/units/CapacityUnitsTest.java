package io.convlist.bench.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** The calculator against the rules and examples of DynamoDB's documentation. */
class CapacityUnitsTest {

    @Test
    void itemSizes_followTheDocumentedRules() {
        // Strings: name bytes + UTF-8 bytes ("é" is two).
        assertThat(ItemSizes.of(Map.of("name", AttributeValue.fromS("José")))).isEqualTo(4 + 5);
        // Numbers: 1 byte per two significant digits (zeroes at either end trimmed) + 1.
        assertThat(ItemSizes.number("1")).isEqualTo(2);
        assertThat(ItemSizes.number("12345")).isEqualTo(4);
        assertThat(ItemSizes.number("1700000000")).isEqualTo(2);
        assertThat(ItemSizes.number("0.0012")).isEqualTo(2);
        assertThat(ItemSizes.number("-123.45")).isEqualTo(4);
        // Binary: raw bytes, not base64; null and Boolean: 1.
        assertThat(ItemSizes.of(Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10]))))).isEqualTo(1 + 10);
        assertThat(ItemSizes.of(Map.of("ok", AttributeValue.fromBool(true), "no", AttributeValue.fromNul(true)))).isEqualTo(3 + 3);
        // List and map: 3 bytes + each element's size + 1 byte per element; empty: 3.
        assertThat(ItemSizes.of(Map.of("l", AttributeValue.fromL(List.of())))).isEqualTo(1 + 3);
        assertThat(ItemSizes.of(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromS("ab"), AttributeValue.fromN("1"))))))
                .isEqualTo(1 + 3 + (2 + 1) + (2 + 1));
        assertThat(ItemSizes.of(Map.of("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v")))))).isEqualTo(1 + 3 + (1 + 1 + 1));
        // Sets: the sum of their elements.
        assertThat(ItemSizes.of(Map.of("ss", AttributeValue.fromSs(List.of("a", "bc"))))).isEqualTo(2 + 3);
    }

    @Test
    void units_matchTheDocumentationsExamples() {
        // "An item of 3.5 KB: one strongly consistent read unit, or half a unit eventually consistent."
        assertThat(CapacityUnits.readHalves(3584, true)).isEqualTo(2);
        assertThat(CapacityUnits.readHalves(3584, false)).isEqualTo(1);
        // "An item of 10 KB: 3 read units, 1.5 eventually consistent."
        assertThat(CapacityUnits.readHalves(10 * 1024, true)).isEqualTo(6);
        assertThat(CapacityUnits.readHalves(10 * 1024, false)).isEqualTo(3);
        // "Writing an item of 1.5 KB takes 2 write units" (a transactional write 4, the caller doubles).
        assertThat(CapacityUnits.write(1536)).isEqualTo(2);
        assertThat(CapacityUnits.write(500)).isEqualTo(1);
        assertThat(CapacityUnits.write(0)).as("a delete of nothing or a failed condition: at least one").isEqualTo(1);
        // "A Query returning 10 items of 1 KB reads 10 KB: 3 read units" (summed, rounded once).
        assertThat(CapacityUnits.readHalves(10 * 1024, true)).isEqualTo(6);
        // "BatchGetItem of 10 items of 1.5 KB: each rounds up to 4 KB, 10 read units."
        long halves = 0;
        for (int i = 0; i < 10; i++) {
            halves += CapacityUnits.readHalves(1536, true);
        }
        assertThat(halves).isEqualTo(20);
    }

    @Test
    void indexWrites_putDeleteOrReplaceTheEntry() {
        IndexEntries byScore = IndexEntries.of("byScore",
                List.of(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("score").keyType(KeyType.RANGE).build()),
                Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("title").build());
        Map<String, AttributeValue> a = Map.of("pk", s("u"), "sk", s("c"), "score", n("1"), "title", s("t"), "body", s("x".repeat(2000)));
        Map<String, AttributeValue> moved = Map.of("pk", s("u"), "sk", s("c"), "score", n("2"), "title", s("t"), "body", s("x".repeat(2000)));
        Map<String, AttributeValue> retitled = Map.of("pk", s("u"), "sk", s("c"), "score", n("1"), "title", s("u"), "body", s("x"));
        Map<String, AttributeValue> unindexed = Map.of("pk", s("u"), "sk", s("c"), "title", s("t"));
        assertThat(byScore.writeUnits(null, a)).as("enters: a put of the small entry, not the item").isEqualTo(1);
        assertThat(byScore.writeUnits(a, moved)).as("sort key changes: a delete and a put").isEqualTo(2);
        assertThat(byScore.writeUnits(a, retitled)).as("a projected attribute changes: one write").isEqualTo(1);
        assertThat(byScore.writeUnits(a, Map.of("pk", s("u"), "sk", s("c"), "score", n("1"), "title", s("t"), "body", s("y"))))
                .as("only an attribute the index does not hold changes: nothing").isZero();
        assertThat(byScore.writeUnits(a, unindexed)).as("leaves: a delete").isEqualTo(1);
        assertThat(byScore.writeUnits(unindexed, unindexed)).isZero();
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }
}
