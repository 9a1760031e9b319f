package io.convlist.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.convlist.store.local.EmbeddedDynamoDb;

/** The benchmark's quick mode: small sizes, so CI keeps it working; asserts request counts, never times. */
class CostBenchmarkQuickTest {

    @Test
    void quickMode_requestCountsAreExactlyTheBudget() {
        List<CostBenchmark.Row> rows = new CostBenchmark(EmbeddedDynamoDb.start()).run(CostBenchmark.Sizes.QUICK, 1);
        assertThat(requests(rows, "recordMessage C2C, existing conversations")).isEqualTo(Map.of("UpdateItem", 2));
        assertThat(requests(rows, "recordMessage group, 10 recipients, existing")).isEqualTo(Map.of("UpdateItem", 11));
        assertThat(requests(rows, "create a conversation below the limit"))
                .isEqualTo(Map.of("UpdateItem", 1, "BatchGetItem", 1, "TransactWriteItems", 1));
        assertThat(requests(rows, "create a conversation at the limit (evicts)"))
                .isEqualTo(Map.of("UpdateItem", 1, "BatchGetItem", 1, "Query", 1, "TransactWriteItems", 1));
        assertThat(requests(rows, "getConversationList page of 20 from 100")).isEqualTo(Map.of("Query", 1, "BatchGetItem", 1));
        assertThat(requests(rows, "getTotalUnreadMessageCount, 100 with unread")).isEqualTo(Map.of("Query", 1));
        assertThat(requests(rows, "pinConversation")).isEqualTo(Map.of("TransactWriteItems", 1));
        assertThat(requests(rows, "setConversationDraft")).isEqualTo(Map.of("UpdateItem", 1));
        String report = CostBenchmark.report(rows, 1, "quick");
        assertThat(report).contains("| recordMessage group, 10 recipients, existing | {UpdateItem=11} |");
        rows.forEach(r -> assertThat(r.usage().bytesSent()).as(r.operation()).isPositive());
    }

    static Map<String, Integer> requests(List<CostBenchmark.Row> rows, String operation) {
        return rows.stream().filter(r -> r.operation().equals(operation)).findFirst().orElseThrow().usage().requests();
    }
}
