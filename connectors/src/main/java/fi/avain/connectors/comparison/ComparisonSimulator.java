package fi.avain.connectors.comparison;

import fi.avain.connectors.ptv.PtvCatalogue;
import fi.avain.connectors.simulator.SimulatorExchange;
import fi.avain.connectors.simulator.SimulatorServer;
import fi.avain.connectors.simulator.StandaloneSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A fake of the comparison catalogue: {@code GET /providers?page=&per_page=} and {@code GET /export.csv}. */
public final class ComparisonSimulator extends SimulatorServer {
    private static final int MAX_PER_PAGE = 500;
    private static final int EXPORT_BATCH = 500;

    private final ComparisonCatalogue catalogue;

    private ComparisonSimulator(ComparisonCatalogue catalogue, int port) {
        super("comparison", port);
        this.catalogue = catalogue;
    }

    public static ComparisonSimulator start(ComparisonCatalogue catalogue) {
        return start(catalogue, 0);
    }

    public static ComparisonSimulator start(ComparisonCatalogue catalogue, int port) {
        ComparisonSimulator simulator = new ComparisonSimulator(catalogue, port);
        simulator.listen();
        return simulator;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return origin();
    }

    public ComparisonCatalogue catalogue() {
        return catalogue;
    }

    /**
     * Runs a simulator in its own JVM: {@code --services=N --seed=S --port=P}, its providers generated
     * from the same PTV catalogue as {@code PtvSimulator}'s with the same services and seed.
     */
    public static void main(String[] args) throws InterruptedException {
        int services = Integer.parseInt(StandaloneSimulator.option(args, "services", "1000"));
        long seed = Long.parseLong(StandaloneSimulator.option(args, "seed", "1"));
        int port = Integer.parseInt(StandaloneSimulator.option(args, "port", "0"));
        PtvCatalogue ptv = PtvCatalogue.generate(services, seed, Instant.now());
        ComparisonSimulator simulator = start(ComparisonCatalogue.generate(ptv, seed), port);
        StandaloneSimulator.serveUntilStopped(simulator, simulator.baseUrl());
    }

    @Override
    protected void serve(SimulatorExchange exchange) throws IOException {
        if (!exchange.method().equals("GET")) {
            exchange.error(405, "only GET");
        } else if (exchange.path().equals("/providers")) {
            providers(exchange);
        } else if (exchange.path().equals("/export.csv")) {
            exchange.stream(200, "text/csv; charset=utf-8", this::writeExport);
        } else {
            exchange.error(404, "no such resource");
        }
    }

    private void providers(SimulatorExchange exchange) throws IOException {
        Optional<Integer> page = number(exchange.query("page").orElse("1"), Integer.MAX_VALUE);
        Optional<Integer> perPage = number(exchange.query("per_page").orElse("100"), MAX_PER_PAGE);
        if (page.isEmpty() || perPage.isEmpty()) {
            exchange.error(400, "page must be from 1 and per_page from 1 to " + MAX_PER_PAGE);
            return;
        }
        int total = catalogue.size();
        List<byte[]> items = catalogue.slice((long) (page.get() - 1) * perPage.get(), perPage.get());
        String head = "{\"page\":" + page.get() + ",\"per_page\":" + perPage.get() + ",\"total_pages\":"
                + (total + perPage.get() - 1) / perPage.get() + ",\"total_items\":" + total + ",\"items\":[";
        exchange.stream(200, "application/json", out -> {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(items.get(i));
            }
            out.write("]}".getBytes(StandardCharsets.UTF_8));
        });
    }

    private void writeExport(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ComparisonCsv.writeHeader(writer);
        for (long from = 0; ; from += EXPORT_BATCH) {
            List<byte[]> batch = catalogue.slice(from, EXPORT_BATCH);
            for (byte[] provider : batch) {
                try {
                    ComparisonCsv.writeProvider(ComparisonCatalogue.parse(provider), writer);
                } catch (UncheckedIOException e) {
                    // A malformed provider put by a test has no CSV form; the export skips it.
                }
            }
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
        }
        writer.flush();
    }

    private static Optional<Integer> number(String text, int max) {
        try {
            int value = Integer.parseInt(text);
            return value >= 1 && value <= max ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
