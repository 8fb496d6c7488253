package fi.avain.routes.messages;

import static fi.avain.routes.messages.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The sandbox's database: the store's queries must run on H2 in PostgreSQL mode as well. */
@SpringBootTest(classes = MessageStoreTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:messages-h2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "avain.messages.encryption-key=" + MessageStoreIntegrationTest.KEY})
class MessageStoreOnH2Test {
    @Autowired
    MessageStore store;
    @Autowired
    MessageSearchQueries search;
    @Autowired
    MessageReplay replay;
    @Autowired
    MessageRetention retention;

    @Test
    void storesSearchesReplaysAndPrunes() {
        List<UUID> ids = store.receiveAll(List.of(
                message("card-authorization", "{\"a\":1}", Map.of("authorizationId", "iauth_h2")),
                message(ScriptedReplayer.FLOW, "{}")));
        store.processedAll(List.of(ids.get(0)));
        store.failed(ids.get(1), "first attempt failed");

        assertThat(store.alreadyProcessed("card-authorization", store.find(ids.get(0)).orElseThrow().sourceId(),
                ContentHash.of("{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))).isTrue();
        assertThat(search.search(new MessageFilter(null, null, MessageStoreTestApplication.START,
                MessageStoreTestApplication.START.plusSeconds(1), "iauth_h2"), 0, 10).items())
                .extracting(MessageSummary::id).containsExactly(ids.get(0));
        assertThat(replay.replayAll(new MessageFilter(ScriptedReplayer.FLOW, MessageStatus.ERROR, null, null, null), "h2")
                .processed()).isEqualTo(1);
        assertThat(store.read(ids.get(1), "h2").status()).isEqualTo(MessageStatus.PROCESSED);
        assertThat(retention.prune(Instant.parse("2026-01-01T00:00:00Z")))
                .containsEntry("card-authorization", 1).containsEntry(ScriptedReplayer.FLOW, 1);
    }
}
