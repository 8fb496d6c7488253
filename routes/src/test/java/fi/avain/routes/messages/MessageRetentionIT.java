package fi.avain.routes.messages;

import static fi.avain.routes.messages.TestMessages.message;
import static fi.avain.routes.messages.TestMessages.uniqueFlow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Retention is 30 days by default and 7 for catalogue-sync (see {@link MessageStoreIntegrationTest}). */
@MessageStoreIntegrationTest
class MessageRetentionIT {
    @Autowired
    MessageRetention retention;
    @Autowired
    MessageStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private final String flow = uniqueFlow("card-authorization");

    @Test
    void deletesDoneMessagesPastRetentionWithTheirKeysButKeepsTheAudit() {
        clock.set(Instant.parse("2025-01-01T00:00:00Z"));
        UUID processed = store.receive(message(flow, "{}", Map.of("authorizationId", "iauth_old")));
        store.processed(processed);
        UUID duplicate = store.receive(message(flow, "{}"));
        store.duplicate(duplicate);
        store.read(processed, "olli.operator");
        clock.advance(Duration.ofDays(5));
        UUID recent = store.receive(message(flow, "{}"));
        store.processed(recent);

        Map<String, Integer> deleted = retention.prune(Instant.parse("2025-02-02T00:00:00Z"));

        assertThat(deleted).containsEntry(flow, 2);
        assertThat(store.find(processed)).isEmpty();
        assertThat(store.find(duplicate)).isEmpty();
        assertThat(store.find(recent)).isPresent();
        assertThat(count("select count(*) from message_key where message_id = :id", processed)).isZero();
        assertThat(count("select count(*) from message_audit where message_id = :id", processed)).isOne();
    }

    @Test
    void neverDeletesAMessageInErrorOrOneNotYetProcessed() {
        clock.set(Instant.parse("2024-01-01T00:00:00Z"));
        UUID failed = store.receive(message(flow, "{}"));
        store.failed(failed, "budget line not found");
        UUID received = store.receive(message(flow, "{}"));

        Map<String, Integer> deleted = retention.prune(Instant.parse("2025-06-01T00:00:00Z"));

        assertThat(deleted).doesNotContainKey(flow);
        assertThat(store.find(failed)).isPresent();
        assertThat(store.find(received)).isPresent();
    }

    @Test
    void keepsEachFlowForItsOwnRetention() {
        clock.set(Instant.parse("2025-04-01T00:00:00Z"));
        UUID catalogue = store.receive(message("catalogue-sync", "{}"));
        UUID card = store.receive(message(flow, "{}"));
        store.processedAll(java.util.List.of(catalogue, card));

        Map<String, Integer> deleted = retention.prune(Instant.parse("2025-04-10T00:00:00Z"));

        assertThat(deleted).containsEntry("catalogue-sync", 1).doesNotContainKey(flow);
        assertThat(store.find(catalogue)).isEmpty();
        assertThat(store.find(card)).isPresent();
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}
