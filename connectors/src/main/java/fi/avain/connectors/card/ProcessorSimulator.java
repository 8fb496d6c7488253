package fi.avain.connectors.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.connectors.simulator.SimulatorExchange;
import fi.avain.connectors.simulator.SimulatorServer;
import fi.avain.connectors.simulator.StandaloneSimulator;
import fi.avain.mappings.card.ClearingFiles;
import fi.avain.mappings.card.ClearingRecord;
import fi.avain.mappings.card.ClearingType;
import fi.avain.mappings.model.InvalidValueException;
import fi.avain.mappings.model.Money;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A fake card processor: asked over its own small JSON API (or through {@link #client()} and
 * {@link #clearing()}), it sends signed authorizations and reversals to Avain and writes clearing
 * files, as a real processor would. docs/connectors/card-processor.md describes the API.
 */
public final class ProcessorSimulator extends SimulatorServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_REMEMBERED = 100_000;
    private static final Pattern MCC = Pattern.compile("\\d{4}");

    private final ProcessorClient client;
    private final ClearingFileWriter clearing;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Purchase> purchases = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Purchase> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };
    private volatile Supplier<URI> avain;

    private ProcessorSimulator(Supplier<URI> avain, ProcessorCredentials credentials, Path clearingDir, Clock clock,
            int port) {
        super("processor", port);
        this.avain = avain;
        this.clock = clock;
        this.client = new ProcessorClient(() -> this.avain.get(), credentials, ProcessorClient.DEFAULT_TIMEOUT, clock);
        this.clearing = new ClearingFileWriter(clearingDir, clock);
    }

    /**
     * Starts a simulator on a free loopback port.
     *
     * @param avain Avain's base URL, asked at each call; may answer null until {@link #target} is called
     * @param clearingDir where clearing files are written: Avain's {@code avain.connectors.card.clearing-dir}
     */
    public static ProcessorSimulator start(Supplier<URI> avain, ProcessorCredentials credentials, Path clearingDir) {
        return start(avain, credentials, clearingDir, Clock.systemUTC(), 0);
    }

    public static ProcessorSimulator start(Supplier<URI> avain, ProcessorCredentials credentials, Path clearingDir,
            Clock clock, int port) {
        ProcessorSimulator simulator = new ProcessorSimulator(avain, credentials, clearingDir, clock, port);
        simulator.listen();
        return simulator;
    }

    /** Sends to {@code baseUrl} from now on (the sandbox knows Avain's port only once it has started). */
    public void target(URI baseUrl) {
        avain = () -> baseUrl;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return origin();
    }

    /** The client the simulator sends with, for tests and the sandbox that call it directly. */
    public ProcessorClient client() {
        return client;
    }

    /** The writer of the simulator's clearing files. */
    public ClearingFileWriter clearing() {
        return clearing;
    }

    /**
     * Runs a simulator in its own JVM: {@code --port=P --avain=http://127.0.0.1:8080 --clearing-dir=DIR};
     * the key and secrets from {@code AVAIN_PROCESSOR_API_KEY}, {@code AVAIN_CARD_GENERIC_SECRET} and
     * {@code AVAIN_CARD_STRIPE_SECRET}, so they do not show in the process list.
     */
    public static void main(String[] args) throws InterruptedException {
        URI avain = URI.create(StandaloneSimulator.option(args, "avain", "http://127.0.0.1:8080"));
        ProcessorCredentials credentials = new ProcessorCredentials(System.getenv("AVAIN_PROCESSOR_API_KEY"),
                System.getenv("AVAIN_CARD_GENERIC_SECRET"), System.getenv("AVAIN_CARD_STRIPE_SECRET"));
        Path clearingDir = Path.of(StandaloneSimulator.option(args, "clearing-dir", "data/card-clearing"));
        int port = Integer.parseInt(StandaloneSimulator.option(args, "port", "0"));
        ProcessorSimulator simulator = start(() -> avain, credentials, clearingDir, Clock.systemUTC(), port);
        StandaloneSimulator.serveUntilStopped(simulator, simulator.baseUrl());
    }

    @Override
    protected void serve(SimulatorExchange exchange) throws IOException {
        String path = exchange.path();
        if (!exchange.method().equals("POST")) {
            exchange.error(405, "only POST");
            return;
        }
        Optional<byte[]> body = exchange.body(MAX_BODY_BYTES);
        if (body.isEmpty()) {
            exchange.error(413, "body larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        try {
            JsonNode request = body.get().length == 0 ? JSON.createObjectNode() : JSON.readTree(body.get());
            if (request == null || !request.isObject()) {
                throw new BadRequest("body must be a JSON object");
            }
            switch (path) {
                case "/authorize" -> exchange.json(200, authorize(request));
                case "/reverse" -> exchange.json(200, reverse(request));
                case "/clear" -> exchange.json(200, clear(request));
                case "/clearing/close" -> exchange.json(200, JSON.createObjectNode()
                        .put("file", clearing.close().toAbsolutePath().toString()));
                default -> exchange.error(404, "no such resource");
            }
        } catch (BadRequest e) {
            exchange.error(400, e.getMessage());
        } catch (IOException e) {
            exchange.error(400, "body must be JSON");
        } catch (IllegalStateException e) {
            exchange.error(503, e.getMessage());
        }
    }

    private ObjectNode authorize(JsonNode request) {
        boolean stripe = switch (optional(request, "style").orElse("generic")) {
            case "generic" -> false;
            case "stripe" -> true;
            default -> throw new BadRequest("style must be generic or stripe");
        };
        String id = optional(request, "authorizationId")
                .orElseGet(() -> (stripe ? "iauth_sim" : "auth_sim") + ids.incrementAndGet());
        Purchase purchase = new Purchase(id, required(request, "cardId"), amount(request, true), mcc(request),
                optional(request, "merchantName").orElse(null), request.path("controllable").asBoolean(false));
        ProcessorClient.Signing signing = switch (optional(request, "signature").orElse("valid")) {
            case "valid" -> ProcessorClient.Signing.VALID;
            case "wrong-secret" -> ProcessorClient.Signing.WRONG_SECRET;
            case "stale" -> ProcessorClient.Signing.STALE;
            case "missing" -> ProcessorClient.Signing.MISSING;
            default -> throw new BadRequest("signature must be valid, wrong-secret, stale or missing");
        };
        remember(purchase);
        return answer(stripe ? client.authorizeStripe(purchase, signing) : client.authorizeGeneric(purchase, signing));
    }

    private ObjectNode reverse(JsonNode request) {
        String id = required(request, "authorizationId");
        String cardId = optional(request, "cardId").or(() -> recalled(id).map(Purchase::cardId))
                .orElseThrow(() -> new BadRequest("cardId is required for an authorization the simulator did not send"));
        return answer(client.reverse(id, cardId, amount(request, false)));
    }

    private ObjectNode clear(JsonNode request) {
        ClearingType type = switch (optional(request, "type").orElse("capture")) {
            case "capture" -> ClearingType.CAPTURE;
            case "refund" -> ClearingType.REFUND;
            case "reversal" -> ClearingType.REVERSAL;
            default -> throw new BadRequest("type must be capture, refund or reversal");
        };
        Optional<String> authorization = optional(request, "authorizationId");
        Optional<Purchase> known = authorization.flatMap(this::recalled);
        String cardId = optional(request, "cardId").or(() -> known.map(Purchase::cardId))
                .orElseThrow(() -> new BadRequest("cardId is required"));
        String mcc = request.hasNonNull("mcc") ? mcc(request) : known.map(Purchase::merchantCategoryCode).orElse(null);
        if (mcc == null && type != ClearingType.REVERSAL) {
            throw new BadRequest("mcc is required");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ClearingRecord record = new ClearingRecord("clr_sim_" + UUID.randomUUID().toString().replace("-", ""), type,
                authorization.orElse(null), cardId, amount(request, true), mcc,
                optional(request, "merchantName").or(() -> known.map(Purchase::merchantName)).orElse(null),
                now, LocalDate.ofInstant(now, ClearingFiles.SETTLEMENT_ZONE), null);
        clearing.append(record);
        return JSON.createObjectNode().put("recordId", record.recordId());
    }

    private static ObjectNode answer(ProcessorClient.Answer answer) {
        ObjectNode out = JSON.createObjectNode()
                .put("authorizationId", answer.authorizationId())
                .put("status", answer.status())
                .put("approved", answer.approved());
        out.set("response", answer.response());
        if (answer.failure() != null) {
            out.put("failure", answer.failure());
        }
        return out;
    }

    private void remember(Purchase purchase) {
        synchronized (purchases) {
            purchases.put(purchase.authorizationId(), purchase);
        }
    }

    private Optional<Purchase> recalled(String authorizationId) {
        synchronized (purchases) {
            return Optional.ofNullable(purchases.get(authorizationId));
        }
    }

    private static Money amount(JsonNode request, boolean required) {
        Optional<String> text = optional(request, "amount");
        if (text.isEmpty()) {
            if (required) {
                throw new BadRequest("amount is required");
            }
            return null;
        }
        try {
            Money amount = Money.parse(text.get());
            if (amount.cents() <= 0) {
                throw new BadRequest("amount must be more than zero");
            }
            return amount;
        } catch (InvalidValueException e) {
            throw new BadRequest("amount must be euros with at most two decimals");
        }
    }

    private static String mcc(JsonNode request) {
        String mcc = required(request, "mcc");
        if (!MCC.matcher(mcc).matches()) {
            throw new BadRequest("mcc must be four digits");
        }
        return mcc;
    }

    private static String required(JsonNode request, String field) {
        return optional(request, field).orElseThrow(() -> new BadRequest(field + " is required"));
    }

    private static Optional<String> optional(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.asText().strip());
    }

    /** A request the simulator cannot act on; the message names the field. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
