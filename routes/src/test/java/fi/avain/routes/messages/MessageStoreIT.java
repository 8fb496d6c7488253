package fi.avain.routes.messages;

import static fi.avain.routes.messages.TestMessages.message;
import static fi.avain.routes.messages.TestMessages.uniqueFlow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MessageStoreIntegrationTest
class MessageStoreIT {
    @Autowired
    MessageStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    SimpleMeterRegistry meters;

    private final String flow = uniqueFlow("card-authorization");

    @Test
    void storesAMessageAsReceivedWithItsKeysAndTheClocksTime() {
        clock.advance(Duration.ofMinutes(1));
        UUID id = store.receive(message(flow, "{\"authorizationId\":\"iauth_1\"}",
                Map.of("authorizationId", "iauth_1", "clientHash", "c0ffee")));

        StoredMessage stored = store.find(id).orElseThrow();

        assertThat(stored.flow()).isEqualTo(flow);
        assertThat(stored.status()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(stored.attempts()).isZero();
        assertThat(stored.tenant()).isEqualTo("tenant-01");
        assertThat(stored.keys()).containsOnly(Map.entry("authorizationId", "iauth_1"), Map.entry("clientHash", "c0ffee"));
        assertThat(stored.receivedAt()).isEqualTo(clock.instant());
        assertThat(stored.bodyText()).isEqualTo("{\"authorizationId\":\"iauth_1\"}");
        assertThat(stored.contentHash()).isEqualTo(ContentHash.of(stored.body()));
    }

    @Test
    void aBatchIsStoredAsEachOfItsMessagesWouldBeAlone() {
        clock.advance(Duration.ofMinutes(2));
        String large = "{\"description\":\"" + "Kotihoito ja palveluasuminen. ".repeat(100) + "\"}";
        InboundMessage withoutTenant = new InboundMessage(flow, "ptv:Service:1", null, Map.of("serviceId", "s1"),
                "application/json", large.getBytes(StandardCharsets.UTF_8));
        InboundMessage small = message(flow, "{\"a\":1}", Map.of("serviceId", "s2", "organizationId", "o2"));

        List<UUID> ids = store.receiveAll(List.of(withoutTenant, small));

        StoredMessage first = store.find(ids.get(0)).orElseThrow();
        assertThat(first.status()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(first.attempts()).isZero();
        assertThat(first.tenant()).isNull();
        assertThat(first.sourceId()).isEqualTo("ptv:Service:1");
        assertThat(first.keys()).containsOnly(Map.entry("serviceId", "s1"));
        assertThat(first.receivedAt()).isEqualTo(clock.instant());
        assertThat(first.updatedAt()).isEqualTo(clock.instant());
        assertThat(first.bodyText()).isEqualTo(large);
        assertThat(first.contentHash()).isEqualTo(ContentHash.of(first.body()));
        StoredMessage second = store.find(ids.get(1)).orElseThrow();
        assertThat(second.tenant()).isEqualTo("tenant-01");
        assertThat(second.keys()).containsOnly(Map.entry("serviceId", "s2"), Map.entry("organizationId", "o2"));
        assertThat(second.bodyText()).isEqualTo("{\"a\":1}");
        assertThat(jdbc.sql("select body_encoding from message where id in (:ids) order by length(body_ciphertext) desc")
                .param("ids", ids).query(String.class).list())
                .as("the large body compressed, the small one as received").containsExactly("lz4", "identity");
        assertThat(jdbc.sql("select content_type from message where id = :id").param("id", ids.get(0))
                .query(String.class).single()).isEqualTo("application/json");
    }

    @Test
    void keepsTheBodyEncryptedAtRest() {
        UUID id = store.receive(message(flow, "{\"authorizationId\":\"iauth_secret_42\"}"));

        byte[] ciphertext = jdbc.sql("select body_ciphertext from message where id = :id").param("id", id)
                .query(byte[].class).single();

        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("iauth_secret_42");
        assertThat(store.find(id).orElseThrow().bodyText()).contains("iauth_secret_42");
    }

    @Test
    void compressesALargeBodyBeforeSealingItAndReadsItBackAsReceived() {
        StringBuilder text = new StringBuilder("{\"id\":\"iauth_secret_43\",\"ontologyTerms\":[");
        for (int i = 0; i < 300; i++) {
            text.append(i == 0 ? "" : ",").append("{\"uri\":\"http://www.yso.fi/onto/koko/p").append(i).append("\"}");
        }
        String body = text.append("]}").toString();
        UUID large = store.receive(message(flow, body));
        UUID small = store.receive(message(flow, "{\"authorizationId\":\"iauth_1\"}"));

        record Row(String encoding, byte[] ciphertext) {
        }
        java.util.function.Function<UUID, Row> row = id -> jdbc
                .sql("select body_encoding, body_ciphertext from message where id = :id").param("id", id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getBytes(2))).single();

        assertThat(row.apply(large).encoding()).isEqualTo("lz4");
        assertThat(row.apply(large).ciphertext().length).isLessThan(body.length() / 3);
        assertThat(new String(row.apply(large).ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("iauth_secret_43");
        assertThat(store.find(large).orElseThrow().bodyText()).isEqualTo(body);
        assertThat(store.find(large).orElseThrow().contentHash()).as("the hash is of the body as received")
                .isEqualTo(ContentHash.of(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(row.apply(small).encoding()).isEqualTo("identity");
        assertThat(store.find(small).orElseThrow().bodyText()).isEqualTo("{\"authorizationId\":\"iauth_1\"}");
    }

    @Test
    void refusesToReadABodyWhoseEncodingWasAltered() {
        UUID id = store.receive(message(flow, "{\"authorizationId\":\"iauth_2\"}"));
        jdbc.sql("update message set body_encoding = 'lz4' where id = :id").param("id", id).update();

        assertThatThrownBy(() -> store.find(id)).isInstanceOf(MessageCipher.BodyUnreadableException.class);
        assertThatThrownBy(() -> jdbc.sql("update message set body_encoding = 'gzip' where id = :id").param("id", id).update())
                .hasMessageContaining("message_body_encoding_known");
    }

    @Test
    void storesABatchOfSeveralMegabytesWithEveryMessagesKeys() {
        java.util.Random random = new java.util.Random(7);
        List<InboundMessage> messages = IntStream.range(0, 400).mapToObj(i -> {
            byte[] noise = new byte[6_000];
            random.nextBytes(noise);
            String body = "{\"n\":" + i + ",\"noise\":\"" + java.util.HexFormat.of().formatHex(noise) + "\"}";
            return message(flow, body, Map.of("serviceId", "s" + i));
        }).toList();

        List<UUID> ids = store.receiveAll(messages);

        assertThat(jdbc.sql("select count(*) from message_key k join message m on m.id = k.message_id where m.flow = :flow")
                .param("flow", flow).query(Long.class).single()).isEqualTo(400);
        assertThat(store.find(ids.get(399)).orElseThrow().bodyText()).isEqualTo(new String(messages.get(399).body(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(store.find(ids.get(0)).orElseThrow().keys()).containsEntry("serviceId", "s0");
    }

    @Test
    void storesABatchLargerThanOneJdbcBatchInOrder() {
        List<InboundMessage> messages = IntStream.range(0, 2_500)
                .mapToObj(i -> message(flow, "{\"n\":" + i + "}", Map.of("serviceId", "s" + i))).toList();

        List<UUID> ids = store.receiveAll(messages);

        assertThat(ids).hasSize(2_500).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from message_key k join message m on m.id = k.message_id where m.flow = :flow")
                .param("flow", flow).query(Long.class).single()).isEqualTo(2_500);
        assertThat(store.find(ids.get(2_499)).orElseThrow().bodyText()).isEqualTo("{\"n\":2499}");
        assertThat(store.find(ids.get(1_234)).orElseThrow().keys()).containsEntry("serviceId", "s1234");
    }

    @Test
    void countsAnAttemptForEveryOutcome() {
        UUID id = store.receive(message(flow, "{}"));

        store.failed(id, "marketplace answered 503");
        assertThat(store.find(id).orElseThrow()).extracting(StoredMessage::status, StoredMessage::attempts, StoredMessage::reason)
                .containsExactly(MessageStatus.ERROR, 1, "marketplace answered 503");

        store.processed(id);
        assertThat(store.find(id).orElseThrow()).extracting(StoredMessage::status, StoredMessage::attempts, StoredMessage::reason)
                .containsExactly(MessageStatus.PROCESSED, 2, null);
    }

    @Test
    void storesAFailureReasonWithIdentityCodesMaskedAndCutTo2000Characters() {
        UUID id = store.receive(message(flow, "{}"));

        store.failed(id, "client 131052-308T not found; " + "x".repeat(3_000));

        String reason = store.find(id).orElseThrow().reason();
        assertThat(reason).hasSize(2_000).startsWith("client ******-**** not found; ").doesNotContain("131052-308T");
    }

    @Test
    void marksBatchesProcessedOrDuplicate() {
        List<UUID> ids = store.receiveAll(List.of(message(flow, "{\"a\":1}"), message(flow, "{\"a\":2}"), message(flow, "{\"a\":3}")));

        store.processedAll(ids.subList(0, 2));
        store.duplicateAll(List.of(ids.get(2)));

        assertThat(ids).extracting(id -> store.find(id).orElseThrow().status())
                .containsExactly(MessageStatus.PROCESSED, MessageStatus.PROCESSED, MessageStatus.DUPLICATE);
    }

    @Test
    void refusesAnUnknownIdAndChangesNothingInTheBatch() {
        UUID known = store.receive(message(flow, "{}"));
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> store.processed(unknown)).isInstanceOf(UnknownMessageException.class);
        assertThatThrownBy(() -> store.processedAll(List.of(known, unknown)))
                .isInstanceOf(UnknownMessageException.class).hasMessageContaining(unknown.toString());
        assertThat(store.find(known).orElseThrow().status()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(store.find(unknown)).isEmpty();
    }

    @Test
    void recognisesARepeatOfAMessageAlreadyProcessed() {
        InboundMessage first = message(flow, "{\"voucherId\":\"V-1\"}");
        String hash = ContentHash.of(first.body());
        UUID id = store.receive(first);
        assertThat(store.alreadyProcessed(flow, first.sourceId(), hash)).isFalse();

        store.processed(id);

        assertThat(store.alreadyProcessed(flow, first.sourceId(), hash)).isTrue();
        assertThat(store.alreadyProcessed(flow, first.sourceId(), ContentHash.of("{}".getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThat(store.alreadyProcessed(flow, "another-source", hash)).isFalse();
        assertThat(store.alreadyProcessed(uniqueFlow("other"), first.sourceId(), hash)).isFalse();
    }

    @Test
    void countsEveryTransitionPerFlowAndStatus() {
        List<UUID> ids = store.receiveAll(List.of(message(flow, "{\"a\":1}"), message(flow, "{\"a\":2}"),
                message(flow, "{\"a\":3}"), message(flow, "{\"a\":4}")));
        store.processedAll(ids.subList(0, 2));
        store.duplicate(ids.get(2));
        store.failed(ids.get(3), "no budget line");

        assertThat(count("received")).isEqualTo(4);
        assertThat(count("processed")).isEqualTo(2);
        assertThat(count("duplicate")).isEqualTo(1);
        assertThat(count("error")).isEqualTo(1);
    }

    private double count(String status) {
        return meters.counter(MessageMetrics.COUNTER, "flow", flow, "status", status).count();
    }
}
