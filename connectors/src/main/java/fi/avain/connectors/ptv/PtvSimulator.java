package fi.avain.connectors.ptv;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import fi.avain.connectors.simulator.SimulatorExchange;
import fi.avain.connectors.simulator.SimulatorServer;
import fi.avain.connectors.simulator.StandaloneSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fake of PTV Open API v11 under {@code /api/v11}: GUID pages with the {@code date=} watermark,
 * {@code list?guids=} (at most 100) and single items, served from a {@link PtvCatalogue}.
 */
public final class PtvSimulator extends SimulatorServer {
    private static final String BASE_PATH = "/api/v11";
    private static final int MAX_GUIDS = 100;
    /** PTV's own answers when a list has nothing published. */
    private static final Map<PtvKind, byte[]> NOT_FOUND = Map.of(
            PtvKind.Service, notFound("Services not found."),
            PtvKind.ServiceChannel, notFound("Service channels not found."),
            PtvKind.Organization, notFound("Organizations not found."));
    private static final Set<String> STATUSES = Set.of("Published", "Archived", "Withdrawn");
    private static final JsonFactory JSON = new JsonFactory();

    private final PtvCatalogue catalogue;
    private volatile int pageSize = 1000;

    private PtvSimulator(PtvCatalogue catalogue, int port) {
        super("ptv", port);
        this.catalogue = catalogue;
    }

    /** Starts a simulator on a free loopback port. */
    public static PtvSimulator start(PtvCatalogue catalogue) {
        return start(catalogue, 0);
    }

    public static PtvSimulator start(PtvCatalogue catalogue, int port) {
        PtvSimulator simulator = new PtvSimulator(catalogue, port);
        simulator.listen();
        return simulator;
    }

    /** {@code http://127.0.0.1:<port>/api/v11}. */
    public String baseUrl() {
        return origin() + BASE_PATH;
    }

    public PtvCatalogue catalogue() {
        return catalogue;
    }

    public void pageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be positive");
        }
        pageSize = size;
    }

    /**
     * Runs a simulator in its own JVM: {@code --services=N --port=P --seed=S}, and
     * {@code --render-ahead=true} to render every item before it starts listening.
     */
    public static void main(String[] args) throws InterruptedException {
        int services = Integer.parseInt(StandaloneSimulator.option(args, "services", "1000"));
        int port = Integer.parseInt(StandaloneSimulator.option(args, "port", "0"));
        long seed = Long.parseLong(StandaloneSimulator.option(args, "seed", "1"));
        PtvCatalogue catalogue = PtvCatalogue.generate(services, seed, Instant.now());
        if (Boolean.parseBoolean(StandaloneSimulator.option(args, "render-ahead", "false"))) {
            catalogue.renderAhead();
        }
        PtvSimulator simulator = start(catalogue, port);
        StandaloneSimulator.serveUntilStopped(simulator, simulator.baseUrl());
    }

    @Override
    protected void serve(SimulatorExchange exchange) throws IOException {
        String path = exchange.path();
        if (!exchange.method().equals("GET") || !path.startsWith(BASE_PATH + "/")) {
            exchange.error(404, "no such resource");
            return;
        }
        List<String> segments = exchange.segmentsAfter(BASE_PATH);
        Optional<PtvKind> kind = PtvKind.fromPath(segments.get(0));
        if (kind.isEmpty() || segments.size() > 2) {
            exchange.error(404, "no such resource");
        } else if (segments.size() == 1) {
            guidPage(kind.get(), exchange);
        } else if (segments.get(1).equals("list")) {
            list(kind.get(), exchange);
        } else {
            single(kind.get(), segments.get(1), exchange);
        }
    }

    private void guidPage(PtvKind kind, SimulatorExchange exchange) throws IOException {
        Optional<String> date = exchange.query("date");
        Optional<String> dateBefore = exchange.query("dateBefore");
        Optional<Instant> from = date.flatMap(PtvTime::parseWatermark);
        Optional<Instant> before = dateBefore.flatMap(PtvTime::parseWatermark);
        if (date.isPresent() && from.isEmpty() || dateBefore.isPresent() && before.isEmpty()) {
            exchange.error(400, "date and dateBefore must be yyyy-MM-ddTHH:mm:ss (UTC)");
            return;
        }
        String status = exchange.query("status").orElse("Published");
        Optional<Integer> page = exchange.query("page").map(PtvSimulator::parsePage).orElse(Optional.of(1));
        if (!STATUSES.contains(status) || page.isEmpty()) {
            exchange.error(400, "status must be Published, Archived or Withdrawn and page a number from 1");
            return;
        }
        PtvCatalogue.Page result = catalogue.page(kind, from.orElse(null), before.orElse(null), status, page.get(), pageSize);
        exchange.stream(200, "application/json", out -> writePage(result, out));
    }

    private void list(PtvKind kind, SimulatorExchange exchange) throws IOException {
        Optional<String> guids = exchange.query("guids").filter(text -> !text.isBlank());
        if (guids.isEmpty()) {
            exchange.error(400, "guids is required");
            return;
        }
        List<String> ids = Arrays.stream(guids.get().split(",")).map(String::strip).toList();
        if (ids.size() > MAX_GUIDS) {
            exchange.error(400, "at most " + MAX_GUIDS + " guids per call");
            return;
        }
        List<byte[]> items = ids.stream().map(id -> catalogue.publishedJson(kind, id)).flatMap(Optional::stream).toList();
        if (items.isEmpty()) {
            // PTV answers 404 when none of the guids has a published version: archived and withdrawn ones never do.
            exchange.json(404, NOT_FOUND.get(kind));
            return;
        }
        exchange.stream(200, "application/json", out -> writeItems(items, out));
    }

    private void single(PtvKind kind, String id, SimulatorExchange exchange) throws IOException {
        Optional<byte[]> item = catalogue.json(kind, id);
        if (item.isEmpty()) {
            exchange.error(404, kind + " " + id + " not found");
        } else {
            exchange.json(200, item.get());
        }
    }

    private static void writeItems(List<byte[]> items, OutputStream out) throws IOException {
        out.write('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(items.get(i));
        }
        out.write(']');
    }

    private static void writePage(PtvCatalogue.Page page, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberField("pageNumber", page.pageNumber());
            json.writeNumberField("pageSize", page.pageSize());
            json.writeNumberField("pageCount", page.pageCount());
            json.writeArrayFieldStart("itemList");
            for (PtvCatalogue.Entry entry : page.items()) {
                json.writeStartObject();
                json.writeStringField("id", entry.id());
                json.writeStringField("name", entry.name());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static byte[] notFound(String message) {
        return ("{\"errorMessage\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<Integer> parsePage(String text) {
        try {
            int page = Integer.parseInt(text);
            return page >= 1 ? Optional.of(page) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
