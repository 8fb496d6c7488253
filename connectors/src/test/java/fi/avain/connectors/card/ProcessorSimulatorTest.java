package fi.avain.connectors.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.connectors.simulator.LoopbackClient;
import fi.avain.mappings.card.CardAuthorizationRequest;
import fi.avain.mappings.card.ClearingFiles;
import fi.avain.mappings.card.ClearingLine;
import fi.avain.mappings.card.ClearingRecord;
import fi.avain.mappings.card.ClearingType;
import fi.avain.mappings.model.Money;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessorSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProcessorCredentials CREDENTIALS =
            new ProcessorCredentials("processor-key-1", "generic-secret-1", "whsec_stripe-secret-1");

    @TempDir
    Path clearingDir;

    private final LoopbackClient http = new LoopbackClient();
    private final AvainCardEndpoints avain = new AvainCardEndpoints(CREDENTIALS);
    private ProcessorSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
        avain.close();
    }

    @Test
    void sendsASignedGenericAuthorizationAndAnswersWithAvainsResponse() throws IOException {
        simulator = ProcessorSimulator.start(avain::baseUrl, CREDENTIALS, clearingDir);

        JsonNode answer = post("/authorize", """
                {"cardId":"card_1","mcc":"8099","amount":"12.50","authorizationId":"auth_1","merchantName":"Fysio Oy"}""");

        assertThat(answer.get("status").asInt()).isEqualTo(200);
        assertThat(answer.get("approved").asBoolean()).isTrue();
        assertThat(answer.at("/response/amount").asText()).isEqualTo("12.50");
        CardAuthorizationRequest sent = only().request();
        assertThat(sent.processor()).isEqualTo(CardAuthorizationRequest.GENERIC);
        assertThat(sent.authorizationId()).isEqualTo("auth_1");
        assertThat(sent.cardId()).isEqualTo("card_1");
        assertThat(sent.amount()).isEqualTo(Money.ofCents(1250));
        assertThat(sent.merchantCategoryCode()).isEqualTo("8099");
        assertThat(sent.merchantName()).isEqualTo("Fysio Oy");
        assertThat(only().path()).isEqualTo(ProcessorClient.GENERIC_PATH);
    }

    @Test
    void sendsAStripeShapedEventThatTheStripeReaderAccepts() throws IOException {
        simulator = ProcessorSimulator.start(avain::baseUrl, CREDENTIALS, clearingDir);

        JsonNode answer = post("/authorize", """
                {"cardId":"ic_1","mcc":"5542","amount":"100.00","style":"stripe","controllable":true}""");

        assertThat(answer.get("approved").asBoolean()).isTrue();
        assertThat(answer.at("/response/amount").asLong()).isEqualTo(10000);
        assertThat(answer.get("authorizationId").asText()).startsWith("iauth_");
        CardAuthorizationRequest sent = only().request();
        assertThat(sent.processor()).isEqualTo(CardAuthorizationRequest.STRIPE);
        assertThat(sent.eventId()).startsWith("evt_");
        assertThat(sent.amountControllable()).isTrue();
        assertThat(sent.amount()).isEqualTo(Money.ofCents(10000));
        assertThat(only().signatureHeader()).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(JSON.readTree(only().body()).get("api_version").asText())
                .isEqualTo(ProcessorClient.DEFAULT_STRIPE_API_VERSION);
    }

    @Test
    void reversesAnAuthorizationItSentRememberingTheCard() throws IOException {
        simulator = ProcessorSimulator.start(avain::baseUrl, CREDENTIALS, clearingDir);
        post("/authorize", "{\"cardId\":\"card_9\",\"mcc\":\"8099\",\"amount\":\"20.00\",\"authorizationId\":\"auth_9\"}");

        JsonNode answer = post("/reverse", "{\"authorizationId\":\"auth_9\",\"amount\":\"5.00\"}");

        assertThat(answer.get("status").asInt()).isEqualTo(200);
        CardAuthorizationRequest reversal = avain.received().get(1).request();
        assertThat(reversal.kind()).isEqualTo(CardAuthorizationRequest.Kind.REVERSAL);
        assertThat(reversal.cardId()).isEqualTo("card_9");
        assertThat(reversal.amount()).isEqualTo(Money.ofCents(500));
    }

    @Test
    void sendsACaptureAsAStripeTransactionEventThatReadsBackAsTheSameRecord() {
        ProcessorClient client = new ProcessorClient(avain::baseUrl, CREDENTIALS, Duration.ofSeconds(5), Clock.systemUTC());
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClearingRecord capture = new ClearingRecord("ipi_1", ClearingType.CAPTURE, "iauth_1", "ic_1", Money.ofCents(1250),
                "8099", "Fysio Oy", at, LocalDate.ofInstant(at, ClearingFiles.SETTLEMENT_ZONE), null);

        assertThat(client.stripeTransaction(capture).status()).isEqualTo(200);

        assertThat(ClearingFiles.fromStripeTransaction(only().body())).isEqualTo(capture);
    }

    @Test
    void declinesWhenAvainDoesNotAnswerInTime() {
        avain.holdAnswers();
        ProcessorClient client = new ProcessorClient(avain::baseUrl, CREDENTIALS, Duration.ofMillis(300), Clock.systemUTC());

        ProcessorClient.Answer answer = client.authorizeGeneric(
                new Purchase("auth_slow", "card_1", Money.ofCents(100), "8099", null, false));

        assertThat(answer.approved()).isFalse();
        assertThat(answer.status()).isZero();
        assertThat(answer.failure()).isEqualTo("timeout");
    }

    @Test
    void avainRefusesASignatureMadeWithAnotherSecret() {
        ProcessorCredentials wrong = new ProcessorCredentials(CREDENTIALS.apiKey(), "not-the-secret", "whsec_wrong");
        ProcessorClient client = new ProcessorClient(avain::baseUrl, wrong, Duration.ofSeconds(5), Clock.systemUTC());

        ProcessorClient.Answer answer = client.authorizeStripe(
                new Purchase("iauth_x", "ic_1", Money.ofCents(100), "8099", null, false));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.approved()).isFalse();
        assertThat(answer.response().get("detail").asText()).doesNotContain("whsec_");
        assertThat(avain.received()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"generic,wrong-secret", "generic,stale", "generic,missing", "stripe,wrong-secret", "stripe,stale",
            "stripe,missing"})
    void canBeToldToSignInEachWayAvainMustRefuse(String style, String signature) throws IOException {
        simulator = ProcessorSimulator.start(avain::baseUrl, CREDENTIALS, clearingDir);

        JsonNode answer = post("/authorize", "{\"cardId\":\"c\",\"mcc\":\"8099\",\"amount\":\"1.00\",\"style\":\""
                + style + "\",\"signature\":\"" + signature + "\"}");

        assertThat(answer.get("status").asInt()).isEqualTo(401);
        assertThat(answer.get("approved").asBoolean()).isFalse();
        assertThat(avain.received()).isEmpty();
    }

    @Test
    void refusesAnAuthorizeRequestItCannotActOnNamingTheField() {
        simulator = ProcessorSimulator.start(avain::baseUrl, CREDENTIALS, clearingDir);

        HttpResponse<String> noCard = http.post(simulator.baseUrl() + "/authorize", "{\"mcc\":\"8099\",\"amount\":\"1.00\"}");
        HttpResponse<String> badMcc = http.post(simulator.baseUrl() + "/authorize",
                "{\"cardId\":\"c\",\"mcc\":\"80\",\"amount\":\"1.00\"}");
        HttpResponse<String> badAmount = http.post(simulator.baseUrl() + "/authorize",
                "{\"cardId\":\"c\",\"mcc\":\"8099\",\"amount\":\"1.005\"}");

        assertThat(noCard.statusCode()).isEqualTo(400);
        assertThat(noCard.body()).contains("cardId is required");
        assertThat(badMcc.body()).contains("mcc must be four digits");
        assertThat(badAmount.body()).contains("amount must be euros with at most two decimals");
        assertThat(avain.received()).isEmpty();
    }

    @Test
    void answers503UntilItKnowsWhereAvainIs() throws IOException {
        simulator = ProcessorSimulator.start(() -> null, CREDENTIALS, clearingDir);
        String authorize = "{\"cardId\":\"c\",\"mcc\":\"8099\",\"amount\":\"1.00\"}";

        assertThat(http.post(simulator.baseUrl() + "/authorize", authorize).statusCode()).isEqualTo(503);
        simulator.target(avain.baseUrl());
        assertThat(post("/authorize", authorize).get("status").asInt()).isEqualTo(200);
    }

    @Test
    void writesAClearingFileOnlyWhenItIsClosedWithTheSettlementRow() throws IOException {
        simulator = ProcessorSimulator.start(avain::baseUrl, CREDENTIALS, clearingDir);
        post("/authorize", "{\"cardId\":\"card_1\",\"mcc\":\"8099\",\"amount\":\"50.00\",\"authorizationId\":\"auth_1\"}");
        post("/clear", "{\"authorizationId\":\"auth_1\",\"amount\":\"30.00\",\"type\":\"capture\"}");
        post("/clear", "{\"authorizationId\":\"auth_1\",\"amount\":\"5.00\",\"type\":\"refund\"}");
        post("/clear", "{\"authorizationId\":\"auth_1\",\"amount\":\"20.00\",\"type\":\"reversal\"}");
        assertThat(csvFiles()).isEmpty();

        Path file = Path.of(post("/clearing/close", "{}").get("file").asText());

        assertThat(csvFiles()).containsExactly(file);
        assertThat(file.getFileName().toString()).matches("clearing-\\d{8}-\\d{6}-1\\.csv");
        List<ClearingLine> lines = new ArrayList<>();
        ClearingFiles.read(file, lines::add);
        assertThat(lines).allMatch(ClearingLine::valid);
        assertThat(lines).extracting(l -> l.record().type()).containsExactly(ClearingType.CAPTURE, ClearingType.REFUND,
                ClearingType.REVERSAL, ClearingType.SETTLEMENT);
        assertThat(lines.get(0).record().cardId()).isEqualTo("card_1");
        assertThat(lines.get(0).record().merchantCategoryCode()).isEqualTo("8099");
        // 30.00 captured - 5.00 refunded - 20.00 reversed after the capture.
        assertThat(lines.get(3).record().amount()).isEqualTo(Money.ofCents(500));
        assertThat(lines.get(3).record().count()).isEqualTo(3);
    }

    private JsonNode post(String path, String body) throws IOException {
        HttpResponse<String> response = http.post(simulator.baseUrl() + path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private AvainCardEndpoints.Received only() {
        assertThat(avain.received()).hasSize(1);
        return avain.received().get(0);
    }

    private List<Path> csvFiles() throws IOException {
        try (Stream<Path> files = Files.list(clearingDir)) {
            return files.filter(f -> f.toString().endsWith(".csv")).toList();
        }
    }
}
