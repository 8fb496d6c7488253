package fi.avain.benchmarks.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.benchmarks.card.AuthorizationLoad;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One client reading their whole year of charges as one search Bundle, back to back (closed loop, one
 * request at a time): {@code warmup} requests not counted, then {@code repetitions} timed from the request's
 * write to the answer's last byte. Every answer must be 200 with the whole Bundle; the last is kept for the
 * encoding baseline.
 */
final class SearchLoad {
    private SearchLoad() {
    }

    static Map<String, Object> run(HttpClient http, URI base, String budgetId, String token, int expected,
                                   int warmup, int repetitions, Path bundleOut, CpuWatch cpu) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/fhir/ChargeItem?account=" + budgetId
                        + "&_count=" + expected))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json").GET().build();
        byte[] body = check(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), expected);
        for (int i = 0; i < warmup; i++) {
            check(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), -1);
        }
        Histogram latency = new Histogram(3);
        long bytes = 0;
        cpu.start();
        long start = System.nanoTime();
        for (int i = 0; i < repetitions; i++) {
            long sent = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latency.recordValue((System.nanoTime() - sent) / 1000);
            body = check(response, -1);
            bytes += body.length;
        }
        long elapsed = System.nanoTime() - start;
        Map<String, Object> used = cpu.stop(repetitions);
        Files.write(bundleOut, body);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", expected);
        out.put("warmup", warmup);
        out.put("repetitions", repetitions);
        out.put("bytes", bytes / repetitions);
        out.put("p50Ms", AuthorizationLoad.ms(latency.getValueAtPercentile(50)));
        out.put("p90Ms", AuthorizationLoad.ms(latency.getValueAtPercentile(90)));
        out.put("p99Ms", AuthorizationLoad.ms(latency.getValueAtPercentile(99)));
        out.put("maxMs", AuthorizationLoad.ms(latency.getMaxValue()));
        out.put("meanMs", AuthorizationLoad.round(latency.getMean() / 1000));
        out.put("perSecond", AuthorizationLoad.round(repetitions * 1e9 / elapsed));
        out.putAll(used);
        return out;
    }

    /** The body of a 200; with {@code entries} >= 0, also checks the Bundle holds exactly that many, all of them. */
    private static byte[] check(HttpResponse<byte[]> response, int entries) throws IOException {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the search answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (entries >= 0) {
            JsonNode bundle = PortalApi.JSON.readTree(response.body());
            int total = bundle.path("total").asInt(-1);
            int listed = bundle.path("entry").size();
            boolean more = false;
            for (JsonNode link : bundle.path("link")) {
                more |= "next".equals(link.path("relation").asText());
            }
            if (total != entries || listed != entries || more) {
                throw new IllegalStateException("the Bundle lists " + listed + " of total " + total
                        + (more ? " with a next page" : "") + ", not all " + entries + " charges at once");
            }
        }
        return response.body();
    }
}
