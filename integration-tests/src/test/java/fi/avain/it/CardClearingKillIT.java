package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.budget.Cents;
import fi.avain.budget.LedgerInvariants;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code job card-clearing} killed with SIGKILL part-way through a file, twice, and run again to the
 * end applies every record exactly once: the record id is claimed in the same transaction as the
 * effect, so a kill loses only the record in flight, which the next run applies.
 */
class CardClearingKillIT {
    private static final int CARDS = 20;
    private static final int HOLDS = 3_000;
    private static final long SEED = 20261124L;

    @TempDir
    Path dataDir;

    /** An approved hold and what the file captures of it (0: not in the file, so it stays held). */
    private record Hold(String authorizationId, String card, long heldCents, long capturedCents) {
    }

    @Test
    void aClearingRunKilledTwiceAndRunAgainAppliesEveryRecordOnce() throws IOException {
        String schema = TestDatabase.newSchema();
        List<Hold> holds = holds(schema);
        Path file = clearingFile(holds);
        long records = holds.stream().filter(h -> h.capturedCents() > 0).count();
        try (SingleConnectionDataSource connection = TestDatabase.connection(schema)) {
            JdbcClient db = JdbcClient.create(connection);
            long firstKill = killWhenApplied(schema, file, records / 10, db);
            long secondKill = killWhenApplied(schema, file, firstKill + records / 3, db);
            AvainJar.Run last = AvainJar.run(AvainJar.cardClearing(schema, dataDir, file));
            assertAppliedOnce(db, holds, records, firstKill, secondKill, last);
        }
    }

    private static void assertAppliedOnce(JdbcClient db, List<Hold> holds, long records, long firstKill,
                                          long secondKill, AvainJar.Run last) {
        assertThat(last.exitCode()).as(last.stderr()).isZero();
        System.out.printf("%d records: killed at %d and %d applied, the last run applied %d%n", records, firstKill,
                secondKill, records - last.count("duplicate"));
        assertThat(firstKill).isBetween(1L, secondKill - 1);
        assertThat(secondKill).isLessThan(records);
        assertThat(last.count("records")).isEqualTo(records);
        assertThat(last.count("duplicate")).as("records applied before the last run").isEqualTo(secondKill);
        assertThat(last.count("captured") + last.count("partially-captured")).isEqualTo(records - secondKill);

        assertThat(db.sql("select count(*), count(distinct record_id) from card_clearing where outcome <> 'PENDING'")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(records, records);
        assertThat(db.sql("select count(*) from card_clearing").query(Long.class).single()).isEqualTo(records);
        assertThat(db.sql("select count(*) from ledger_movement where kind = 'CAPTURE'").query(Long.class).single())
                .isEqualTo(records);
        assertThat(db.sql("select count(*) from message where flow = 'card-clearing' and status = 'ERROR'")
                .query(Long.class).single()).isZero();
        assertThat(lines(db, "spent_cents")).isEqualTo(expected(holds, true));
        assertThat(lines(db, "held_cents")).isEqualTo(expected(holds, false));
        assertThat(holdsAsLeft(db)).isEqualTo(holdsAsExpected(holds));
        assertThat(new LedgerInvariants(db).violations()).isEmpty();
    }

    /** Budgets, cards and holds made over HTTP at a jar server, which is stopped before clearing starts. */
    private List<Hold> holds(String schema) {
        Random random = new Random(SEED);
        try (AvainServer avain = AvainServer.start(TestDatabase.urlFor(schema), schema, dataDir.resolve("server"),
                List.of())) {
            String url = avain.awaitReady().baseUrl();
            CardApi api = new CardApi(64);
            List<String> cards = new ArrayList<>();
            for (int i = 0; i < CARDS; i++) {
                cards.add(api.budgetWithCard(url, "plan-" + i, 100_000_00L));
            }
            List<String> ids = new ArrayList<>();
            List<Long> amounts = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < HOLDS; i++) {
                ids.add("auth-" + i);
                amounts.add(100 + (long) random.nextInt(9_901));
                sent.add(api.authorize(url, CardApi.authorization(ids.get(i), cards.get(i % CARDS), amounts.get(i),
                        CardApi.MCC, false)));
            }
            List<Hold> holds = new ArrayList<>();
            for (int i = 0; i < HOLDS; i++) {
                JsonNode answer = CardApi.answer(CardApi.await(sent.get(i)));
                if (answer.get("approved").asBoolean()) {
                    long held = amounts.get(i);
                    // most captured whole, every third in part (the rest released), every twentieth not at all
                    long captured = i % 20 == 0 ? 0 : i % 3 == 0 ? held - held / 4 : held;
                    holds.add(new Hold(ids.get(i), cards.get(i % CARDS), held, captured));
                }
            }
            assertThat(holds).as("approved holds (the rest timed out)").hasSizeGreaterThan(HOLDS * 95 / 100);
            return holds;
        }
    }

    private Path clearingFile(List<Hold> holds) throws IOException {
        StringBuilder csv = new StringBuilder("record_id,type,authorization_id,card_id,amount,currency,"
                + "merchant_category_code,merchant_name,occurred_at,settlement_date,count\n");
        String now = Instant.now().toString();
        LocalDate today = LocalDate.now(fi.avain.budget.CardAuthorizer.BUDGET_ZONE);
        for (Hold h : holds) {
            if (h.capturedCents() > 0) {
                csv.append("clr-").append(h.authorizationId()).append(",capture,").append(h.authorizationId())
                        .append(',').append(h.card()).append(',').append(Cents.format(h.capturedCents()))
                        .append(",EUR,").append(CardApi.MCC).append(",Hoivakoti,").append(now).append(',')
                        .append(today).append(",\n");
            }
        }
        Path file = dataDir.resolve("clearing.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /** Starts the job, kills it (SIGKILL) once at least {@code applied} records are in, and answers how many are. */
    private long killWhenApplied(String schema, Path file, long applied, JdbcClient db) {
        AvainJar.Started job = AvainJar.start(AvainJar.cardClearing(schema, dataDir, file), Map.of());
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> applied(db) >= applied || !job.process().isAlive());
        } finally {
            job.kill();
        }
        assertThat(job.process().exitValue()).as("killed, not ended by itself").isEqualTo(137);
        return applied(db);
    }

    private static long applied(JdbcClient db) {
        return db.sql("select count(*) from card_clearing").query(Long.class).single();
    }

    /** Per card: what its line should have spent (captured) or still hold (the holds not in the file). */
    private static Map<String, Long> expected(List<Hold> holds, boolean spent) {
        Map<String, Long> out = new HashMap<>();
        for (Hold h : holds) {
            long cents = spent ? h.capturedCents() : h.capturedCents() == 0 ? h.heldCents() : 0;
            out.merge(h.card(), cents, Long::sum);
        }
        return out;
    }

    private static Map<String, Long> lines(JdbcClient db, String column) {
        Map<String, Long> out = new HashMap<>();
        db.sql("select c.processor_card_id, l." + column + " from card c join budget_line l on l.budget_id = c.budget_id")
                .query(rs -> {
                    out.merge(rs.getString(1), rs.getLong(2), Long::sum);
                });
        return out;
    }

    /** Each hold as "status remaining captured". */
    private static Map<String, String> holdsAsLeft(JdbcClient db) {
        Map<String, String> out = new HashMap<>();
        db.sql("select reference, status, remaining_cents, captured_cents from ledger_hold").query(rs -> {
            out.put(rs.getString(1), rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4));
        });
        return out;
    }

    private static Map<String, String> holdsAsExpected(List<Hold> holds) {
        Map<String, String> out = new HashMap<>();
        for (Hold h : holds) {
            out.put("generic:" + h.authorizationId(), h.capturedCents() == 0 ? "ACTIVE " + h.heldCents() + " 0"
                    : "CLOSED 0 " + h.capturedCents());
        }
        return out;
    }
}
