package fi.avain.connectors.marketplace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.connectors.simulator.SimulatorExchange;
import fi.avain.connectors.simulator.SimulatorServer;
import fi.avain.connectors.simulator.StandaloneSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake of the welfare-services marketplace's catalogue API: HSDS 3.0 objects PUT and DELETEd by
 * type and id, kept as the latest body bytes only, so 100 000+ objects fit.
 */
public final class MarketplaceSimulator extends SimulatorServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ConcurrentSkipListMap<String, byte[]>> objects = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> puts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> deletes = new ConcurrentHashMap<>();
    private volatile int maxBodyBytes = 1024 * 1024;

    private MarketplaceSimulator(int port) {
        super("marketplace", port);
        MarketplaceHeaders.TYPES.forEach(type -> objects.put(type, new ConcurrentSkipListMap<>()));
    }

    public static MarketplaceSimulator start() {
        return start(0);
    }

    public static MarketplaceSimulator start(int port) {
        MarketplaceSimulator simulator = new MarketplaceSimulator(port);
        simulator.listen();
        return simulator;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return origin();
    }

    /** Runs a simulator in its own JVM: {@code --port=P}. */
    public static void main(String[] args) throws InterruptedException {
        MarketplaceSimulator simulator = start(Integer.parseInt(StandaloneSimulator.option(args, "port", "0")));
        StandaloneSimulator.serveUntilStopped(simulator, simulator.baseUrl());
    }

    /** Bodies larger than this get 413. */
    public void maxBodyBytes(int bytes) {
        maxBodyBytes = bytes;
    }

    public Optional<JsonNode> get(String type, String id) {
        return Optional.ofNullable(store(type).get(id)).map(MarketplaceSimulator::parse);
    }

    public Set<String> ids(String type) {
        return Set.copyOf(store(type).keySet());
    }

    public long puts(String type) {
        return puts.getOrDefault(type, new AtomicLong()).get();
    }

    public long deletes(String type) {
        return deletes.getOrDefault(type, new AtomicLong()).get();
    }

    /** Forgets every object and count; faults stay as they are. */
    public void reset() {
        objects.values().forEach(Map::clear);
        puts.clear();
        deletes.clear();
    }

    @Override
    protected void serve(SimulatorExchange exchange) throws IOException {
        List<String> segments = exchange.segmentsAfter("");
        if (!MarketplaceHeaders.TYPES.contains(segments.get(0)) || segments.size() > 2) {
            exchange.error(404, "no such resource");
            return;
        }
        String type = segments.get(0);
        String id = segments.size() == 2 ? segments.get(1) : null;
        switch (exchange.method()) {
            case "GET" -> read(type, id, exchange);
            case "PUT" -> write(type, id, exchange);
            case "DELETE" -> delete(type, id, exchange);
            default -> exchange.error(405, "method not allowed");
        }
    }

    private void read(String type, String id, SimulatorExchange exchange) throws IOException {
        if (id == null) {
            exchange.stream(200, "application/json", out -> {
                out.write('[');
                boolean first = true;
                for (byte[] body : store(type).values()) {
                    if (!first) {
                        out.write(',');
                    }
                    out.write(body);
                    first = false;
                }
                out.write(']');
            });
            return;
        }
        byte[] body = store(type).get(id);
        if (body == null) {
            exchange.error(404, type + " " + id + " not found");
        } else {
            exchange.json(200, body);
        }
    }

    private void write(String type, String id, SimulatorExchange exchange) throws IOException {
        if (id == null) {
            exchange.error(405, "PUT needs an id");
            return;
        }
        Optional<byte[]> body = exchange.body(maxBodyBytes);
        if (body.isEmpty()) {
            exchange.error(413, "body larger than " + maxBodyBytes + " bytes");
            return;
        }
        if (!isJson(body.get())) {
            exchange.error(400, "body is not JSON");
            return;
        }
        puts.computeIfAbsent(type, key -> new AtomicLong()).incrementAndGet();
        byte[] previous = store(type).put(id, body.get());
        // No body back: the sync reads only the status, and an echo would double every PUT's bytes.
        exchange.empty(previous == null ? 201 : 200);
    }

    private void delete(String type, String id, SimulatorExchange exchange) throws IOException {
        if (id == null) {
            exchange.error(405, "DELETE needs an id");
            return;
        }
        deletes.computeIfAbsent(type, key -> new AtomicLong()).incrementAndGet();
        if (store(type).remove(id) == null) {
            exchange.error(404, type + " " + id + " not found");
        } else {
            exchange.empty(204);
        }
    }

    private Map<String, byte[]> store(String type) {
        ConcurrentSkipListMap<String, byte[]> store = objects.get(type);
        if (store == null) {
            throw new IllegalArgumentException("unknown HSDS type " + type);
        }
        return store;
    }

    /** Reads the body through without building a tree: one JSON value and nothing after it. */
    private static boolean isJson(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
