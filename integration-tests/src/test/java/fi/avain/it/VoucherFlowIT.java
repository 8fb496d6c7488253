package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.connectors.voucher.VoucherSystemFault;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Vouchers end to end: requested over REST and issued by the voucher-system simulator over SOAP, then
 * the documented example requests sent to /soap/vouchers with their X-Road headers, and every hostile
 * variant refused with a fault that leaves the ledger as it was.
 */
class VoucherFlowIT extends AvainIntegrationTest {
    static final Path EXAMPLES = Path.of("../docs/examples/vouchers");
    static final String RESPITE = "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.4";
    static final String PLAN = """
            {"planId": "%s", "tenant": "01", "client": {"identityCode": "010190-123M", "homeMunicipality": "205"},
             "clientGroup": "disability", "cohort": "hb", "period": {"start": "%d-01-01", "end": "%d-12-31"},
             "lines": [
               {"code": "respite", "category": "Omaishoidon vapaat", "allocated": "1500.00",
                "serviceClasses": ["%s"], "channels": ["voucher", "declaration"], "clientShareCharged": true},
               {"code": "care", "category": "Hoiva", "allocated": "800.00",
                "serviceClasses": ["http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.1"],
                "channels": ["voucher", "declaration"]}
             ]}""";

    String budgetId;
    int year;

    @BeforeEach
    void budget() {
        year = LocalDate.now().getYear();
        HttpResponse<String> created = postJson("/api/v1/plans", PLAN.formatted("v-1", year, year, RESPITE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        budgetId = json(created.body()).get("budgetId").asText();
    }

    @Test
    void theExamplesInOrderReserveSpendExpireAndCancelAVoucherAndEchoTheHeadersInOrder() throws Exception {
        String voucherId = requestMultiUseVoucher("500.00");
        assertThat(line("respite").get("held").asText()).isEqualTo("500.00");

        List<Path> examples = examples();
        assertThat(examples).extracting(p -> p.getFileName().toString())
                .containsExactly("01-accepted.xml", "02-service-event.xml", "03-expired.xml", "04-cancelled.xml");
        for (Path example : examples) {
            String request = Files.readString(example).replace("{{voucherId}}", voucherId);
            HttpResponse<String> response = soap(request);
            assertThat(response.statusCode()).as(example + ": " + response.body()).isEqualTo(200);
            assertThat(headerNames(response.body())).as(example.toString())
                    .containsExactly("client", "service", "id", "userId", "issue", "protocolVersion");
            assertThat(headerValues(response.body())).isEqualTo(headerValues(request));
            if (example.getFileName().toString().startsWith("02")) {
                // the voucher pays 60.00 and the client's own share of 15.00 is charged to this line too
                assertThat(text(response.body(), "result")).isEqualTo("APPLIED");
                assertThat(text(response.body(), "remaining")).isEqualTo("440.00");
                JsonNode respite = line("respite");
                assertThat(respite.get("held").asText()).isEqualTo("440.00");
                assertThat(respite.get("spent").asText()).isEqualTo("75.00");
            }
        }
        JsonNode voucher = voucher(voucherId);
        assertThat(voucher.get("status").asText()).isEqualTo("cancelled");
        assertThat(voucher.get("events")).hasSize(1);
        JsonNode respite = line("respite");
        assertThat(respite.get("held").asText()).isEqualTo("0.00");
        assertThat(respite.get("spent").asText()).isEqualTo("75.00");
        assertThat(respite.get("available").asText()).isEqualTo("1425.00");
    }

    @Test
    void aRepeatedXRoadIdGetsTheSameResponseAndNoSecondEffect() throws Exception {
        String voucherId = requestMultiUseVoucher("500.00");
        soapOk(example("01-accepted.xml", voucherId));
        String event = example("02-service-event.xml", voucherId);
        HttpResponse<String> first = soapOk(event);
        HttpResponse<String> again = soapOk(event);
        assertThat(body(again.body())).isEqualTo(body(first.body()));
        assertThat(line("respite").get("spent").asText()).isEqualTo("75.00");
        assertThat(jdbc.sql("select status from message where flow = 'voucher-events' and source_id = ?")
                .param(voucherId + "-02-service-event").query(String.class).list())
                .containsExactlyInAnyOrder("PROCESSED", "DUPLICATE");

        // the same request written differently: another prefix, no indentation, another user and issue
        String rewritten = event.replace("xmlns:v=", "xmlns:ps=").replace("<v:", "<ps:").replace("</v:", "</ps:")
                .replaceAll(">\\s+<", "><").replace("psop-provider-portal", "batch").replace("PS-ISSUE-2026-0042", "");
        HttpResponse<String> rewrittenAgain = soapOk(rewritten);
        assertThat(body(rewrittenAgain.body())).isEqualTo(body(first.body()));
        assertThat(line("respite").get("spent").asText()).isEqualTo("75.00");

        // gzip-coded on the wire, the same request
        HttpResponse<String> gzipped = soapBytes(gzip(event.getBytes(StandardCharsets.UTF_8)), "gzip");
        assertThat(gzipped.statusCode()).as(gzipped.body()).isEqualTo(200);
        assertThat(body(gzipped.body())).isEqualTo(body(first.body()));
        assertThat(line("respite").get("spent").asText()).isEqualTo("75.00");

        // a different request under the same id is refused and changes nothing
        assertFault(soap(event.replace("<description>Omaishoidon", "<description>Toinen")), "ID_REUSED",
                "was used before for a different request");
        assertFault(soap(event.replace("<quantity>1</quantity>", "<quantity>2</quantity>")
                .replace("<price>75.00</price>", "<price>150.00</price>")
                .replace("<chargedToVoucher>60.00<", "<chargedToVoucher>135.00<")), "ID_REUSED", "different request");
        assertThat(line("respite").get("spent").asText()).isEqualTo("75.00");

        // the voucher system resends the same event under a new message id: still applied once
        HttpResponse<String> resent = soapOk(withXRoadId(event, UUID.randomUUID().toString()));
        assertThat(text(resent.body(), "result")).isEqualTo("DUPLICATE");
        assertThat(line("respite").get("spent").asText()).isEqualTo("75.00");
        assertThat(voucher(voucherId).get("events")).hasSize(1);
    }

    @Test
    void hostileAndInvalidRequestsAreFaultsThatChangeNothing() throws Exception {
        String voucherId = requestMultiUseVoucher("100.00");
        soapOk(example("01-accepted.xml", voucherId));
        String event = withXRoadId(example("02-service-event.xml", voucherId), UUID.randomUUID().toString());
        JsonNode before = budgetJson();

        String dtd = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY x \"y\">]>" + stripDeclaration(event);
        assertFault(soap(dtd), "UNREADABLE_REQUEST", "DTD");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + stripDeclaration(event).replace("PS-EVENT-0001", "&xxe;");
        assertFault(soap(xxe), "UNREADABLE_REQUEST", "DTD");
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]>").append(stripDeclaration(event).replace("PS-EVENT-0001", "&lol9;"));
        assertFault(soap(laughs.toString()), "UNREADABLE_REQUEST", "DTD");
        String oversize = event.replace("<description>", "<description>" + "x".repeat(2 * 1024 * 1024));
        assertFault(soap(oversize), "UNREADABLE_REQUEST", "at most");
        // Within the parser's limits on text and elements, so that only its size is wrong.
        String oversizeInParts = event.replace("<description>", ("<!--" + "x".repeat(60_000) + "-->").repeat(20)
                + "<description>");
        assertFault(soapWithoutLength(oversizeInParts), "UNREADABLE_REQUEST", "at most");
        assertFault(soap(event.replaceAll("(?s)<xrd:client.*?</xrd:client>", "")), "INVALID_XROAD_HEADER", "client is missing");
        assertFault(soap(event.replace("<xrd:protocolVersion>4.0<", "<xrd:protocolVersion>3.1<")),
                "protocolVersion must be 4.0");
        assertFault(soap(event.replace("<id:memberCode>7654321-2</id:memberCode>",
                "<id:memberCode>9999999-0</id:memberCode>")), "may not call this service");
        assertFault(soap(event.replace("<id:serviceCode>serviceEventRecorded<", "<id:serviceCode>voucherAccepted<")),
                "service code");
        assertFault(soap(event.replace(voucherId, "V-UNKNOWN")), "UNKNOWN_VOUCHER", "no voucher");
        assertFault(soap(event.replace("<price>75.00</price>", "<price>-75.00</price>")), "INVALID_REQUEST",
                "must not be negative");
        assertFault(soap(event.replace("<chargedToVoucher>60.00<", "<chargedToVoucher>160.00<")
                .replace("<price>75.00<", "<price>175.00<")), "OVER_BALANCE", "remaining balance");
        assertFault(soap(event.replace("<quantity>1</quantity>", "<quantity>many</quantity>")), "quantity");
        // JAXB alone reads these leniently: "yes" as no approval needed, the last of two values
        assertFault(soap(event.replace("<description>", "<needsApproval>yes</needsApproval><description>")),
                "needsApproval must be true or false");
        assertFault(soap(event.replace("<price>75.00</price>", "<price>75.00</price><price>1.00</price>")),
                "price is repeated");
        assertFault(soap(event.replace("<price>75.00</price>", "<price>0.75e2</price>")), "price must be a decimal");
        assertFault(soap(event.replace("<serviceClass>", "<serviceDate>2026-01-02T10:00:00</serviceDate><serviceClass>")),
                "serviceDate must be a date");
        assertFault(soap(event.replace("<serviceClass>", "<surcharge>5.00</surcharge><serviceClass>")),
                "has no field surcharge");
        assertFault(soap("<not-xml"), "UNREADABLE_REQUEST", "");
        byte[] binary = new byte[512];
        new java.util.Random(7).nextBytes(binary);
        assertFaultFromTheSender(soapBytes(binary, null), "");
        assertFault(soapBytes(binary, null), "UNREADABLE_REQUEST", "");
        assertFault(soap("<?xml version=\"1.0\"?><x/>"), "UNREADABLE_REQUEST", "SOAP");
        assertFault(soapBytes(gzip(new byte[2 * 1024 * 1024]), "gzip"), "UNREADABLE_REQUEST", "at most");
        assertFault(soapBytes(event.getBytes(StandardCharsets.UTF_8), "br"), "UNREADABLE_REQUEST", "not supported");
        assertFaultFromTheSender(soap(event.replaceAll("(?s)<SOAP-ENV:Body>.*</SOAP-ENV:Body>", "")),
                "no SOAP Body");
        assertFault(soap(event.replace("<serviceClass>", "<serviceDate>" + LocalDate.now().plusDays(3)
                + "</serviceDate><serviceClass>")), "in the future");
        assertFault(soap(withXRoadId(example("01-accepted.xml", voucherId), UUID.randomUUID().toString())
                .replace("<providerBusinessId>", "<voucherNumber>PS-WRONG</voucherNumber><providerBusinessId>")),
                "is not the number");
        assertThat(budgetJson().get("lines")).isEqualTo(before.get("lines"));
        assertThat(voucher(voucherId).get("events")).isEmpty();

        soapOk(withXRoadId(example("04-cancelled.xml", voucherId), UUID.randomUUID().toString()));
        JsonNode cancelled = budgetJson();
        assertFault(soap(event.replace("PS-EVENT-0001", "PS-EVENT-0002")), "VOUCHER_CANCELLED", "cancelled");
        assertThat(budgetJson().get("lines")).isEqualTo(cancelled.get("lines"));
    }

    @Test
    void anExpiryBeforeTheLastValidDayEndsTheValidityThere() throws Exception {
        String voucherId = requestMultiUseVoucher("200.00");
        LocalDate yesterday = LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")).minusDays(1);
        Assumptions.assumeTrue(yesterday.getYear() == year, "the voucher's validity starts this year");
        soapOk(example("03-expired.xml", voucherId).replace("</voucherId>",
                "</voucherId><expiredOn>" + yesterday + "</expiredOn>"));
        assertThat(voucher(voucherId).get("validUntil").asText()).isEqualTo(yesterday.toString());
        assertFault(soap(example("02-service-event.xml", voucherId)), "was valid until " + yesterday);
        assertThat(line("respite").get("spent").asText()).isEqualTo("0.00");
    }

    @Test
    void theWsdlIsTheContractAsWrittenWithTheXRoadExtras() {
        HttpResponse<String> wsdl = get("/soap/vouchers?wsdl", null);
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("xrd:version", "xrd:title", "serviceEventRecorded", "voucherAccepted",
                "voucherCancelled", "voucherExpired", "part=\"protocolVersion\"");
        assertThat(get("/soap/vouchers?xsd=xroad.xsd", null).body()).contains("protocolVersion");
    }

    @Test
    void anEventNeedingApprovalIsReservedUntilTheClientApproves() throws Exception {
        String voucherId = requestMultiUseVoucher("200.00");
        String event = example("02-service-event.xml", voucherId)
                .replace("<description>", "<needsApproval>true</needsApproval><description>");
        HttpResponse<String> pending = soapOk(event);
        assertThat(text(pending.body(), "result")).isEqualTo("PENDING_APPROVAL");
        String declarationId = text(pending.body(), "declarationId");
        assertThat(line("respite").get("spent").asText()).isEqualTo("0.00");
        HttpResponse<String> approved = postJson("/api/v1/declarations/" + declarationId + "/approve", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        // the voucher's 60.00 and the client's share of 15.00, which this line pays, held together until now
        assertThat(line("respite").get("spent").asText()).isEqualTo("75.00");
    }

    @Test
    void aDeclarationIsSpentOnlyWhenApprovedAndReleasedWhenRejected() {
        String body = """
                {"budgetId": "%s", "lineCode": "care", "providerBusinessId": "2345678-0",
                 "serviceClass": "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.1",
                 "serviceDate": "%d-03-01", "amount": "%s", "description": "Kotiapu", "declarationId": "%s"}""";
        HttpResponse<String> first = postJson("/api/v1/declarations", body.formatted(budgetId, year, "120.00", "d-1"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> second = postJson("/api/v1/declarations", body.formatted(budgetId, year, "30.00", "d-2"));
        assertThat(line("care").get("held").asText()).isEqualTo("150.00");
        postJson("/api/v1/declarations/" + json(first.body()).get("id").asText() + "/approve", "{}");
        HttpResponse<String> rejected = postJson("/api/v1/declarations/" + json(second.body()).get("id").asText()
                + "/reject", "{\"reason\": \"not received\"}");
        assertThat(json(rejected.body()).get("status").asText()).isEqualTo("rejected");
        JsonNode care = line("care");
        assertThat(care.get("held").asText()).isEqualTo("0.00");
        assertThat(care.get("spent").asText()).isEqualTo("120.00");

        HttpResponse<String> negative = postJson("/api/v1/declarations",
                body.formatted(budgetId, year, "-5.00", "d-3"));
        assertProblem(negative, 400);
        HttpResponse<String> tooMuch = postJson("/api/v1/declarations",
                body.formatted(budgetId, year, "9000.00", "d-4"));
        assertProblem(tooMuch, 409);
        assertThat(line("care").get("held").asText()).isEqualTo("0.00");
    }

    @Test
    void badVoucherRequestsAreProblemsAndReserveNothing() {
        assertProblem(postJson("/api/v1/vouchers", "[]"), 400);
        assertProblem(postJson("/api/v1/vouchers", "{\"budgetId\": \"nope\"}"), 400);
        assertProblem(postJson("/api/v1/vouchers", voucherRequest("multi", "-1.00", "neg")), 400);
        assertProblem(postJson("/api/v1/vouchers", voucherRequest("multi", "99999.00", "big")), 409);
        assertProblem(get("/api/v1/vouchers/V-NOPE", INTEGRATOR_KEY), 404);
        // An id the caller chose is repeated in the problem, but an identity code never is.
        HttpResponse<String> personal = get("/api/v1/vouchers/010190-123M", INTEGRATOR_KEY);
        assertProblem(personal, 404);
        assertThat(personal.body()).doesNotContain("010190-123M").contains("******-****");
        assertThat(line("respite").get("held").asText()).isEqualTo("0.00");
        assertThat(get("/api/v1/vouchers/V-NOPE", null).statusCode()).isEqualTo(401);
    }

    @Test
    void vouchersPastValidityExpireAndReturnTheirRemainderAfterTheGracePeriod() throws Exception {
        String voucherId = requestMultiUseVoucher("300.00");
        LocalDate end = LocalDate.of(year, 12, 31);
        JobSummary expired = jobs.run("voucher-expiry", Map.of("today", end.plusDays(1).toString()), JobProgress.NONE);
        assertThat(expired.status()).isEqualTo(JobSummary.Status.DONE);
        assertThat(voucher(voucherId).get("status").asText()).isEqualTo("expired");
        assertThat(line("respite").get("held").asText()).isEqualTo("300.00");
        JobSummary released = jobs.run("voucher-expiry", Map.of("today", end.plusDays(31).toString()),
                JobProgress.NONE);
        assertThat(count(released, "remaindersReleased")).isEqualTo(1);
        assertThat(line("respite").get("held").asText()).isEqualTo("0.00");
        JobSummary again = jobs.run("voucher-expiry", Map.of("today", end.plusDays(32).toString()), JobProgress.NONE);
        assertThat(count(again, "remaindersReleased")).isZero();
    }

    @Test
    void aVoucherSystemThatStaysDownLeavesNoReservationAndTheRequestInTheErrorStoreForReplay() {
        long before = VOUCHER_SYSTEM.calls("issueVoucher");
        VOUCHER_SYSTEM.failAlways("issueVoucher", VoucherSystemFault.HTTP_503);
        HttpResponse<String> refused = postJson("/api/v1/vouchers", voucherRequest("multi", "100.00", "down-1"));
        assertProblem(refused, 502);
        assertThat(json(refused.body()).get("detail").asText()).contains("reservation was released");
        assertThat(VOUCHER_SYSTEM.calls("issueVoucher") - before).as("the first call and three retries").isEqualTo(4);
        assertThat(line("respite").get("held").asText()).isEqualTo("0.00");
        String voucherId = jdbc.sql("select id from voucher").query(String.class).single();
        assertThat(voucher(voucherId).get("status").asText()).isEqualTo("failed");
        assertThat(VOUCHER_SYSTEM.callsWithXRoadId(jdbc.sql("select source_id from message where flow = "
                + "'voucher-system'").query(String.class).single())).as("one X-Road id for every attempt").isEqualTo(4);
        String messageId = jdbc.sql("select id from message where flow = 'voucher-system' and status = 'ERROR'")
                .query(String.class).single();
        assertThat(jdbc.sql("select reason from message where id = ?::uuid").param(messageId)
                .query(String.class).single()).contains("issueVoucher");

        VOUCHER_SYSTEM.clearFaults();
        HttpResponse<String> replayed = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/messages/" + messageId + "/replay")).header("Authorization", "Bearer " + OPERATOR_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(voucher(voucherId).get("status").asText()).isEqualTo("issued");
        assertThat(line("respite").get("held").asText()).isEqualTo("100.00");
        assertThat(VOUCHER_SYSTEM.voucherNumber(voucherId)).isPresent();
    }

    @Test
    void aSlowVoucherSystemIsRetriedAndIssuesOnceReservingOnce() {
        int vouchersBefore = VOUCHER_SYSTEM.voucherCount();
        VOUCHER_SYSTEM.slowDelay(Duration.ofMillis(1500));
        VOUCHER_SYSTEM.failNext("issueVoucher", 2, VoucherSystemFault.SLOW);
        HttpResponse<String> created = postJson("/api/v1/vouchers", voucherRequest("multi", "100.00", "slow-1"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(VOUCHER_SYSTEM.voucherCount() - vouchersBefore).isEqualTo(1);
        assertThat(line("respite").get("held").asText()).isEqualTo("100.00");
        HttpResponse<String> repeat = postJson("/api/v1/vouchers", voucherRequest("multi", "100.00", "slow-1"));
        assertThat(json(repeat.body()).get("id").asText()).isEqualTo(json(created.body()).get("id").asText());
        assertThat(line("respite").get("held").asText()).isEqualTo("100.00");
    }

    // --- helpers

    String requestMultiUseVoucher(String balance) {
        HttpResponse<String> created = postJson("/api/v1/vouchers", voucherRequest("multi", balance,
                UUID.randomUUID().toString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode voucher = json(created.body());
        assertThat(voucher.get("status").asText()).isEqualTo("issued");
        assertThat(voucher.get("voucherNumber").asText()).isNotBlank();
        return voucher.get("id").asText();
    }

    String voucherRequest(String kind, String balance, String requestId) {
        return """
                {"budgetId": "%s", "lineCode": "respite", "kind": "%s", "balance": "%s",
                 "validFrom": "%d-01-01", "validUntil": "%d-12-31", "requestId": "%s"}"""
                .formatted(budgetId, kind, balance, year, year, requestId);
    }

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
    }

    static String example(String name, String voucherId) throws IOException {
        return Files.readString(EXAMPLES.resolve(name)).replace("{{voucherId}}", voucherId);
    }

    static String withXRoadId(String request, String id) {
        return request.replaceFirst("<xrd:id>[^<]*</xrd:id>", "<xrd:id>" + id + "</xrd:id>");
    }

    static String stripDeclaration(String xml) {
        return xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
    }

    HttpResponse<String> soap(String envelope) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/soap/vouchers"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build());
    }

    /** Sent chunked, so that the size is known only as the body is read. */
    HttpResponse<String> soapWithoutLength(String envelope) {
        byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/soap/vouchers"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
    }

    /** Raw bytes, with the Content-Encoding given (none when null). */
    HttpResponse<String> soapBytes(byte[] body, String contentEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/soap/vouchers"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"");
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    HttpResponse<String> soapOk(String envelope) {
        HttpResponse<String> response = soap(envelope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    static void assertFault(HttpResponse<String> response, String faultstringPart) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        Document doc = parse(response.body());
        Element fault = (Element) doc.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Fault")
                .item(0);
        assertThat(fault).as(response.body()).isNotNull();
        String faultstring = fault.getElementsByTagName("faultstring").item(0).getTextContent();
        assertThat(faultstring).containsIgnoringCase(faultstringPart);
        assertThat(response.body()).doesNotContain("root:x:0:0");
    }

    /** A fault as {@link #assertFault}, whose detail carries the documented {@code faultCode}. */
    static void assertFault(HttpResponse<String> response, String faultCode, String faultstringPart) throws Exception {
        assertFault(response, faultstringPart);
        Element detail = (Element) parse(response.body()).getElementsByTagNameNS("http://avain.fi/vouchers/v1", "voucherFault")
                .item(0);
        assertThat(detail).as(response.body()).isNotNull();
        assertThat(detail.getElementsByTagName("faultCode").item(0).getTextContent()).as(response.body())
                .isEqualTo(faultCode);
        assertThat(detail.getElementsByTagName("faultString").item(0).getTextContent()).isNotBlank();
    }

    static void assertFaultFromTheSender(HttpResponse<String> response, String faultstringPart) throws Exception {
        assertFault(response, faultstringPart);
        assertThat(parse(response.body()).getElementsByTagName("faultcode").item(0).getTextContent())
                .endsWith("Client");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> headerNames(String envelope) throws Exception {
        List<String> names = new ArrayList<>();
        for (Element header : headers(envelope)) {
            names.add(header.getLocalName());
        }
        return names;
    }

    static List<String> headerValues(String envelope) throws Exception {
        List<String> values = new ArrayList<>();
        for (Element header : headers(envelope)) {
            values.add(header.getLocalName() + "=" + header.getTextContent().replaceAll("\\s+", " ").strip());
        }
        return values;
    }

    static List<Element> headers(String envelope) throws Exception {
        Document doc = parse(envelope);
        Node header = doc.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Header").item(0);
        List<Element> out = new ArrayList<>();
        for (Node n = header == null ? null : header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "http://x-road.eu/xsd/xroad.xsd".equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    static String body(String envelope) throws Exception {
        Node body = parse(envelope).getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        return body.getTextContent();
    }

    static String text(String envelope, String element) throws Exception {
        Node node = parse(envelope).getElementsByTagName(element).item(0);
        return node == null ? null : node.getTextContent();
    }

    JsonNode budgetJson() {
        HttpResponse<String> response = get("/api/v1/budgets/" + budgetId, INTEGRATOR_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    JsonNode line(String code) {
        for (JsonNode line : budgetJson().get("lines")) {
            if (line.get("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no line " + code);
    }

    JsonNode voucher(String id) {
        HttpResponse<String> response = get("/api/v1/vouchers/" + id, INTEGRATOR_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    HttpResponse<String> postJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + INTEGRATOR_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }
}
