package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.budget.LedgerInvariants;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Money fails closed and nothing is lost: with the database out of reach a card authorization is
 * declined inside the processor's deadline, kept on disk, and stored in the message store once the
 * database is back. The jar reaches PostgreSQL through a proxy the test cuts and restores.
 */
class CardDatabaseOutageIT {
    private static final String FLOW = "card-authorization";

    @TempDir
    Path dataDir;

    @Test
    void anUnreachableDatabaseIsADeclineInTimeAndTheRequestIsStoredOnceItIsBack() {
        String schema = TestDatabase.newSchema();
        try (SingleConnectionDataSource connection = TestDatabase.connection(schema);
             LoopbackProxy proxy = LoopbackProxy.to(TestDatabase.address());
             AvainServer avain = AvainServer.start(TestDatabase.urlThrough("127.0.0.1", proxy.port(), schema), schema,
                     dataDir, List.of("--spring.datasource.hikari.connection-timeout=250",
                             "--spring.datasource.hikari.maximum-pool-size=4"))) {
            JdbcClient db = JdbcClient.create(connection);
            String url = avain.awaitReady().baseUrl();
            CardApi api = new CardApi(1);
            String card = api.budgetWithCard(url, "plan-outage", 500_00);
            JsonNode before = CardApi.answer(api.authorizeNow(url, CardApi.authorization("a-before", card, 20_00,
                    CardApi.MCC, false)));
            assertThat(before.get("approved").asBoolean()).as(before.toString()).isTrue();

            proxy.cut();
            String body = CardApi.authorization("a-cut", card, 30_00, CardApi.MCC, false);
            long started = System.nanoTime();
            HttpResponse<String> declined = api.authorizeNow(url, body);
            long ms = (System.nanoTime() - started) / 1_000_000;
            JsonNode answer = CardApi.answer(declined);
            assertThat(answer.get("approved").asBoolean()).isFalse();
            assertThat(answer.get("reason").asText()).isEqualTo("timeout");
            assertThat(ms).as("ms to answer").isLessThan(2_000);
            Path spool = dataDir.resolve("spool/card");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> spooled(spool) == 1);
            assertThat(errors(db)).isZero();

            proxy.restore();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> errors(db) == 1 && spooled(spool) == 0);
            HttpResponse<String> repeat = api.authorizeNow(url, body);
            assertThat(repeat.statusCode()).isEqualTo(200);
            assertThat(repeat.body()).isEqualTo(declined.body());

            assertThat(errors(db)).isEqualTo(1);
            assertThat(db.sql("select count(*) from ledger_hold where reference = 'generic:a-cut'")
                    .query(Long.class).single()).isZero();
            assertThat(db.sql("select held_cents from budget_line").query(Long.class).single()).isEqualTo(20_00);
            assertThat(db.sql("select reason from card_authorization where authorization_id = 'a-cut'")
                    .query(String.class).single()).isEqualTo("timeout");
            assertThat(new LedgerInvariants(db).violations()).isEmpty();
            System.out.printf("declined in %d ms with the database cut%n", ms);
        }
    }

    private static long errors(JdbcClient db) {
        return db.sql("select count(*) from message where flow = ? and source_id = 'generic:a-cut' and status = 'ERROR'")
                .param(FLOW).query(Long.class).single();
    }

    private static long spooled(Path spool) throws IOException {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }
}
