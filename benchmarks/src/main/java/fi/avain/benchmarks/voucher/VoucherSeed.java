package fi.avain.benchmarks.voucher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.benchmarks.card.BudgetSeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Vouchers for the load through the product's own API: per budget a care plan whose only line pays
 * for respite (P10.4) on the voucher channel with an allocation no run can spend, a multi-use voucher
 * on it issued by the voucher-system simulator, and the provider's acceptance over SOAP as the
 * documented example sends it.
 */
final class VoucherSeed {
    static final String SERVICE_CLASS = "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.4";
    private static final String ALLOCATED = "100000000.00";
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private VoucherSeed() {
    }

    /** Creates {@code budgets} budgets with an accepted voucher each of {@code balance} EUR; answers the voucher ids. */
    static List<String> seed(HttpClient http, URI base, String apiKey, int budgets, String balance, String nonce,
                             EventTemplates templates) throws IOException, InterruptedException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Helsinki"));
        List<String> vouchers = new ArrayList<>();
        for (int i = 0; i < budgets; i++) {
            JsonNode budget = json(post(http, base.resolve("/api/v1/plans"), apiKey, "application/json",
                    plan(nonce, i, today), 201));
            ObjectNode voucher = JSON.createObjectNode();
            voucher.put("budgetId", budget.get("budgetId").asText());
            voucher.put("lineCode", "respite");
            voucher.put("kind", "multi");
            voucher.put("balance", balance);
            voucher.put("validFrom", today.toString());
            voucher.put("validUntil", today.plusDays(300).toString());
            voucher.put("requestId", "bench-" + nonce + "-" + i);
            JsonNode issued = json(post(http, base.resolve("/api/v1/vouchers"), apiKey, "application/json",
                    voucher.toString(), 201));
            if (!"issued".equals(issued.path("status").asText())) {
                throw new IllegalStateException("voucher not issued: " + issued);
            }
            String voucherId = issued.get("id").asText();
            post(http, base.resolve("/soap/vouchers"), null, "text/xml",
                    templates.accepted(voucherId, UUID.randomUUID().toString()), 200);
            vouchers.add(voucherId);
        }
        return vouchers;
    }

    /**
     * One service event sent to the product, its answer checked as the load checks it: the body element of
     * the answer, which the echo service answers with.
     */
    static String probe(HttpClient http, URI base, EventTemplates templates, String voucherId, String eventId)
            throws Exception {
        String answer = post(http, base.resolve("/soap/vouchers"), null, "text/xml",
                templates.event(voucherId, eventId, UUID.randomUUID().toString()), 200);
        if (!EventTemplates.applied(answer)) {
            throw new IllegalStateException("the probe event was not APPLIED: " + answer);
        }
        return bodyElement(answer);
    }

    static String plan(String nonce, int i, LocalDate today) {
        ObjectNode plan = BudgetSeed.planWithoutLines("bench-voucher-" + nonce + "-" + i, i, today);
        ObjectNode line = plan.putArray("lines").addObject();
        line.put("code", "respite");
        line.put("category", "Omaishoidon vapaat");
        line.put("allocated", ALLOCATED);
        line.putArray("serviceClasses").add(SERVICE_CLASS);
        line.putArray("channels").add("voucher");
        return plan.toString();
    }

    /** The first element inside the SOAP body of {@code envelope}, as XML without a declaration. */
    static String bodyElement(String envelope) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
        Element body = (Element) document.getElementsByTagNameNS(SOAP_NS, "Body").item(0);
        for (Node child = body.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                var transformer = TransformerFactory.newInstance().newTransformer();
                transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
                StringWriter out = new StringWriter();
                transformer.transform(new DOMSource(element), new StreamResult(out));
                return out.toString();
            }
        }
        throw new IllegalStateException("an empty SOAP body: " + envelope);
    }

    private static String post(HttpClient http, URI uri, String apiKey, String contentType, String body,
                               int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType + "; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        } else {
            request.header("SOAPAction", "\"\"");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + uri.getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }
}
