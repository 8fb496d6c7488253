package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.budget.LedgerInvariants;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two Avain nodes on one PostgreSQL schema take 10 000 concurrent signed authorizations on 100
 * budgets. A tenth of the requests repeat an earlier authorization at the other node, half of them
 * while the original is still in flight. Half of the budgets are allocated less than is asked of them,
 * so the no-overspend rule is tested where it bites.
 */
class TwoInstanceAuthorizationIT {
    private static final int BUDGETS = 100;
    private static final int ORIGINALS = 9_000;
    private static final int REPEATS = 1_000;
    private static final int IN_FLIGHT = 64;
    private static final long SEED = 20261123L;

    @TempDir
    Path dataDir;

    /** One authorization as first sent: to which budget's card, how much, and at which node. */
    private record Original(String id, int budget, long cents, String mcc, boolean controllable, int node) {
    }

    /** A place in the order of sending: an original, or a repeat of one (sent now, or after its answer). */
    private record Slot(int original, boolean repeat, boolean concurrent) {
    }

    private record SentRepeat(int original, boolean concurrent, CompletableFuture<HttpResponse<String>> response) {
    }

    @Test
    void twoNodesNeverOverspendAndAnswerEveryRepeatIdentically() {
        String schema = TestDatabase.newSchema();
        try (AvainServer a = node(schema, "a"); AvainServer b = node(schema, "b");
             SingleConnectionDataSource connection = TestDatabase.connection(schema)) {
            String[] nodes = {a.awaitReady().baseUrl(), b.awaitReady().baseUrl()};
            CardApi api = new CardApi(IN_FLIGHT);
            Random random = new Random(SEED);
            List<String> cards = new ArrayList<>();
            for (int i = 0; i < BUDGETS; i++) {
                cards.add(api.budgetWithCard(nodes[i % 2], "plan-" + i, allocatedCents(i)));
            }
            List<Original> originals = originals(random);
            List<Slot> order = order(random);

            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>(Collections.nCopies(ORIGINALS, null));
            List<SentRepeat> repeats = new ArrayList<>();
            for (Slot slot : order) {
                Original o = originals.get(slot.original());
                String body = CardApi.authorization(o.id(), cards.get(o.budget()), o.cents(), o.mcc(), o.controllable());
                if (!slot.repeat()) {
                    sent.set(slot.original(), api.authorize(nodes[o.node()], body));
                    continue;
                }
                if (!slot.concurrent()) {
                    CardApi.await(sent.get(slot.original()));
                }
                repeats.add(new SentRepeat(slot.original(), slot.concurrent(),
                        api.authorize(nodes[1 - o.node()], body)));
            }
            List<HttpResponse<String>> answers = sent.stream().map(CardApi::await).toList();
            List<HttpResponse<String>> repeated = repeats.stream().map(r -> CardApi.await(r.response())).toList();
            long ms = (System.nanoTime() - started) / 1_000_000;

            Map<String, Integer> reasons = new TreeMap<>();
            Map<String, Long> approvedPerCard = new HashMap<>();
            cards.forEach(card -> approvedPerCard.put(card, 0L));
            for (int i = 0; i < ORIGINALS; i++) {
                JsonNode answer = CardApi.answer(answers.get(i));
                reasons.merge(answer.path("reason").asText("approved"), 1, Integer::sum);
                if (answer.get("approved").asBoolean()) {
                    approvedPerCard.merge(cards.get(originals.get(i).budget()), cents(answer.get("amount")), Long::sum);
                }
            }
            List<String> differing = new ArrayList<>();
            for (int i = 0; i < repeats.size(); i++) {
                SentRepeat repeat = repeats.get(i);
                HttpResponse<String> again = repeated.get(i);
                String first = answers.get(repeat.original()).body();
                if (again.statusCode() != 200 || !again.body().equals(first)) {
                    differing.add((repeat.concurrent() ? "concurrent" : "later") + " repeat of "
                            + originals.get(repeat.original()).id() + ": " + again.statusCode() + " " + again.body()
                            + " after " + first);
                }
            }
            System.out.printf("%d authorizations and %d repeats at two nodes in %d ms (%d/s): %s%n", ORIGINALS,
                    repeats.size(), ms, (ORIGINALS + repeats.size()) * 1000L / Math.max(1, ms), reasons);

            assertThat(differing).as("repeats whose answer is not the original's").isEmpty();
            assertThat(reasons).containsKeys("approved", "insufficient_funds");
            assertThat(reasons.getOrDefault("timeout", 0)).as("declined for time").isLessThanOrEqualTo(ORIGINALS / 100);

            JdbcClient db = JdbcClient.create(connection);
            long approved = approvedPerCard.values().stream().mapToLong(Long::longValue).sum();
            // a decline for time is recorded, and a decision that committed after it withdrawn, just after the answer
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(heldPerCard(db)).isEqualTo(approvedPerCard);
                assertThat(db.sql("select coalesce(sum(remaining_cents), 0) from ledger_hold where status = 'ACTIVE'")
                        .query(Long.class).single()).isEqualTo(approved);
                assertThat(recordedAnswers(db, originals, answers)).as("answers the ledger records otherwise")
                        .isEmpty();
            });
            assertThat(new LedgerInvariants(db).violations()).isEmpty();
        }
    }

    private AvainServer node(String schema, String name) {
        // two nodes' pools, and other builds' on the same PostgreSQL, must stay inside its 100 connections
        return AvainServer.start(TestDatabase.urlFor(schema), schema, dataDir.resolve(name), List.of(
                "--spring.datasource.hikari.maximum-pool-size=10", "--avain.card.workers=10"));
    }

    /** Half the budgets can pay everything asked of them (about 2 300 EUR each); the rest run out. */
    private static long allocatedCents(int budget) {
        return budget % 2 == 0 ? 4_000_00L : 500_00L + budget * 13_00L;
    }

    /** 90 an budget, 1.00 to 50.00 EUR; one in 50 at a merchant no line allows, one in 10 amount-controllable. */
    private static List<Original> originals(Random random) {
        return IntStream.range(0, ORIGINALS).mapToObj(i -> new Original("auth-" + i, i % BUDGETS,
                        100 + random.nextInt(4_901), random.nextInt(50) == 0 ? CardApi.BLOCKED_MCC : CardApi.MCC,
                        random.nextInt(10) == 0, random.nextInt(2)))
                .toList();
    }

    /**
     * Every original in order, each repeated one followed either at once by its repeat (both in flight
     * together) or, a few hundred requests later, by a repeat sent after its answer came.
     */
    private static List<Slot> order(Random random) {
        List<Integer> indexes = new ArrayList<>(IntStream.range(0, ORIGINALS).boxed().toList());
        Collections.shuffle(indexes, random);
        Set<Integer> repeated = new HashSet<>(indexes.subList(0, REPEATS));
        Map<Integer, List<Integer>> later = new TreeMap<>();
        List<Slot> order = new ArrayList<>();
        for (int i = 0; i < ORIGINALS; i++) {
            order.add(new Slot(i, false, false));
            if (repeated.contains(i)) {
                if (random.nextBoolean()) {
                    order.add(new Slot(i, true, true));
                } else {
                    later.computeIfAbsent(i + 200 + random.nextInt(2_000), k -> new ArrayList<>()).add(i);
                }
            }
            for (int original : later.getOrDefault(i, List.of())) {
                order.add(new Slot(original, true, false));
            }
            later.remove(i);
        }
        later.values().forEach(originals -> originals.forEach(o -> order.add(new Slot(o, true, false))));
        return order;
    }

    private static Map<String, Long> heldPerCard(JdbcClient db) {
        Map<String, Long> held = new HashMap<>();
        db.sql("select c.processor_card_id, l.held_cents from card c join budget_line l on l.budget_id = c.budget_id")
                .query(rs -> {
                    held.merge(rs.getString(1), rs.getLong(2), Long::sum);
                });
        return held;
    }

    /** Originals whose answer differs from the one the ledger keeps for their id and amount. */
    private static List<String> recordedAnswers(JdbcClient db, List<Original> originals,
                                                List<HttpResponse<String>> answers) {
        Map<String, String> recorded = new HashMap<>();
        db.sql("select authorization_id, response from card_authorization where processor = 'generic'")
                .query(rs -> {
                    recorded.put(rs.getString(1), rs.getString(2));
                });
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            String id = originals.get(i).id();
            if (!answers.get(i).body().equals(recorded.get(id))) {
                differing.add(id + ": answered " + answers.get(i).body() + ", recorded " + recorded.get(id));
            }
        }
        return differing;
    }

    private static long cents(JsonNode amount) {
        return new BigDecimal(amount.asText()).movePointRight(2).longValueExact();
    }
}
