package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.budget.LedgerInvariants;
import fi.avain.connectors.voucher.VoucherSystemSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The server killed with SIGKILL while service events arrive over SOAP, started again, and every event
 * sent again (some under their first X-Road id, some under a new one, as a voucher system that lost
 * the answers would): each event is applied exactly once.
 */
class VoucherKillIT {
    private static final int EVENTS = 300;
    private static final String PLAN = """
            {"planId": "kill-1", "tenant": "01", "client": {"identityCode": "010190-123M", "homeMunicipality": "205"},
             "clientGroup": "disability", "cohort": "hb", "period": {"start": "%d-01-01", "end": "%d-12-31"},
             "lines": [{"code": "respite", "category": "Omaishoidon vapaat", "allocated": "100000.00",
                "serviceClasses": ["http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.4"],
                "channels": ["voucher"]}]}""";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void eventsSentAgainAfterAKillAreEachAppliedOnce() throws Exception {
        String schema = TestDatabase.newSchema();
        int year = LocalDate.now().getYear();
        String template = Files.readString(VoucherFlowIT.EXAMPLES.resolve("02-service-event.xml"));
        String accepted = Files.readString(VoucherFlowIT.EXAMPLES.resolve("01-accepted.xml"));
        try (VoucherSystemSimulator voucherSystem = VoucherSystemSimulator.start();
             SingleConnectionDataSource connection = TestDatabase.connection(schema)) {
            JdbcClient db = JdbcClient.create(connection);
            List<String> properties = List.of("--avain.connectors.voucher.base-url=" + voucherSystem.baseUrl());
            String voucherId;
            String[] xroadIds = new String[EVENTS];
            for (int i = 0; i < EVENTS; i++) {
                xroadIds[i] = UUID.randomUUID().toString();
            }
            try (AvainServer first = AvainServer.start(TestDatabase.urlFor(schema), schema, dataDir.resolve("a"),
                    properties).awaitReady()) {
                String budgetId = json(post(first.baseUrl() + "/api/v1/plans", "application/json",
                        PLAN.formatted(year, year))).get("budgetId").asText();
                voucherId = json(post(first.baseUrl() + "/api/v1/vouchers", "application/json", """
                        {"budgetId": "%s", "lineCode": "respite", "kind": "multi", "balance": "90000.00",
                         "validFrom": "%d-01-01", "validUntil": "%d-12-31", "requestId": "kill"}"""
                        .formatted(budgetId, year, year))).get("id").asText();
                post(first.baseUrl() + "/soap/vouchers", "text/xml", accepted.replace("{{voucherId}}", voucherId));

                AtomicInteger answered = new AtomicInteger();
                ExecutorService senders = Executors.newFixedThreadPool(4);
                List<Future<?>> sent = new java.util.ArrayList<>();
                for (int i = 0; i < EVENTS; i++) {
                    String event = event(template, voucherId, i, xroadIds[i]);
                    sent.add(senders.submit(() -> {
                        try {
                            post(first.baseUrl() + "/soap/vouchers", "text/xml", event);
                            answered.incrementAndGet();
                        } catch (IOException | RuntimeException e) {
                            // the server is gone: the voucher system will send it again
                        }
                        return null;
                    }));
                }
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                        .until(() -> applied(db) >= EVENTS / 4);
                first.close();
                senders.shutdown();
                assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                long before = applied(db);
                System.out.printf("killed with %d of %d events applied (%d answered)%n", before, EVENTS,
                        answered.get());
                assertThat(before).isBetween(1L, EVENTS - 1L);
            }
            try (AvainServer second = AvainServer.start(TestDatabase.urlFor(schema), schema, dataDir.resolve("b"),
                    properties).awaitReady()) {
                for (int i = 0; i < EVENTS; i++) {
                    // every other event under its first id (a replay), the rest under a new id (a resend)
                    String id = i % 2 == 0 ? xroadIds[i] : UUID.randomUUID().toString();
                    HttpResponse<String> response = send(second.baseUrl() + "/soap/vouchers", "text/xml",
                            event(template, voucherId, i, id));
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                }
            }
            assertThat(applied(db)).isEqualTo(EVENTS);
            assertThat(db.sql("select count(*) from ledger_movement where kind = 'CAPTURE' and channel = 'voucher'")
                    .query(Long.class).single()).isEqualTo(EVENTS);
            long expected = 0;
            for (int i = 0; i < EVENTS; i++) {
                expected += amountCents(i);
            }
            assertThat(db.sql("select spent_cents from budget_line where code = 'respite'").query(Long.class)
                    .single()).isEqualTo(expected);
            assertThat(new LedgerInvariants(db).violations()).isEmpty();
        }
    }

    private static long amountCents(int i) {
        return 1_000 + i * 7L;
    }

    private static String event(String template, String voucherId, int i, String xroadId) {
        String amount = fi.avain.budget.Cents.format(amountCents(i));
        return VoucherFlowIT.withXRoadId(template.replace("{{voucherId}}", voucherId), xroadId)
                .replace("PS-EVENT-0001", "KILL-EVENT-" + i)
                .replace("<price>75.00</price>", "<price>" + amount + "</price>")
                .replace("<chargedToVoucher>60.00</chargedToVoucher>", "<chargedToVoucher>" + amount
                        + "</chargedToVoucher>")
                .replace("<clientShare>15.00</clientShare>", "<clientShare>0.00</clientShare>");
    }

    private static long applied(JdbcClient db) {
        return db.sql("select count(*) from voucher_event").query(Long.class).single();
    }

    private String post(String url, String contentType, String body) throws IOException {
        HttpResponse<String> response = send(url, contentType, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(String url, String contentType, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType + "; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType.equals("application/json")) {
            request.header("Authorization", "Bearer " + AvainIntegrationTest.INTEGRATOR_KEY);
        } else {
            request.header("SOAPAction", "\"\"");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }
}
