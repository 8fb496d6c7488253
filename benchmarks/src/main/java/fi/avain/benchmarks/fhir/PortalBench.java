package fi.avain.benchmarks.fhir;

import com.sun.net.httpserver.HttpServer;
import fi.avain.benchmarks.Options;
import fi.avain.benchmarks.card.AuthorizationLoad;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;

/**
 * The citizen portal benchmark's driver (scripts/bench fhir runs it):
 *
 * <pre>
 * java -cp avain-benchmarks.jar fi.avain.benchmarks.fhir.PortalBench keys --out-dir=DIR
 * java -cp avain-benchmarks.jar fi.avain.benchmarks.fhir.PortalBench seed --url=http://127.0.0.1:8080 --key=INTEGRATOR_KEY \
 *     --db-url=jdbc:postgresql://...?currentSchema=... --db-user=USER --charges=2000 --out=year.properties
 * java -cp avain-benchmarks.jar fi.avain.benchmarks.fhir.PortalBench search --url=... --seeded=year.properties \
 *     --issuer-key=DIR/issuer-private.pem --issuer=https://login.example/citizens --warmup=15 --repetitions=100 \
 *     --bundle-out=bundle.json --watch=server:PID --db-url=jdbc:postgresql://... --db-user=USER --db-application=NAME \
 *     --clk-tck=100
 * java -cp avain-benchmarks.jar fi.avain.benchmarks.fhir.PortalBench notify --url=... --key=INTEGRATOR_KEY \
 *     --secret=WEBHOOK_SECRET --issuer-key=DIR/issuer-private.pem --issuer=https://login.example/citizens --budgets=1 \
 *     --first-client=1 --rate=100 --warmup=10 --duration=30 --drain=15 --watch=server:PID --db-url=... --db-user=USER \
 *     --db-application=NAME --clk-tck=100
 * </pre>
 *
 * {@code keys} makes the portal issuer's key pair (the server gets {@code issuer-public.pem}); {@code seed}
 * makes one client's budget and card through the API and books a year of charges on it in-process;
 * {@code search} times the search of them all; {@code notify} times authorizations to a subscriber. Both read the
 * CPU the server, its PostgreSQL backends and the driver use while they count. The last three print one JSON line
 * of figures on stdout.
 */
public final class PortalBench {
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private PortalBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> commands = List.of("keys", "seed", "search", "notify");
        if (args.length == 0 || !commands.contains(args[0])) {
            System.err.println("usage: PortalBench keys|seed|search|notify --name=value ... (see the class comment)");
            System.exit(2);
        }
        Options options = Options.parse(args);
        if (args[0].equals("keys")) {
            PortalIssuer.create(Path.of(options.required("out-dir")));
            return;
        }
        URI base = URI.create(options.required("url"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        switch (args[0]) {
            case "seed" -> seed(http, base, options);
            case "search" -> search(http, base, options);
            default -> notify(http, base, options);
        }
    }

    /** {@code --watch=server:<pid>}, and the backends of {@code --db-application}'s connections on {@code --db-url}. */
    private static CpuWatch cpuWatch(Options options) {
        return new CpuWatch(options.get("watch"), Long.parseLong(options.getOrDefault("clk-tck", "100")))
                .backends(options.get("db-url"), options.getOrDefault("db-user", System.getProperty("user.name")),
                        options.get("db-application"));
    }

    private static void seed(HttpClient http, URI base, Options options) throws Exception {
        int charges = Integer.parseInt(options.getOrDefault("charges", "2000"));
        String nonce = Long.toString(System.currentTimeMillis(), 36);
        LocalDate today = LocalDate.now(fi.avain.budget.CardAuthorizer.BUDGET_ZONE);
        PortalApi api = new PortalApi(http, base);
        // The plan covers the whole year behind us, so every charge falls within its period.
        PortalApi.Budget budget = api.plan(options.required("key"), "bench-fhir-" + nonce, 0, today.minusDays(370),
                today.plusDays(30));
        String cardId = "fc_" + nonce;
        api.card(options.required("key"), cardId, budget.budgetId());
        long start = System.nanoTime();
        ChargeSeed.Booked booked = ChargeSeed.book(options.required("db-url"), options.required("db-user"), cardId,
                nonce, charges, Instant.now().minus(1, ChronoUnit.HOURS), 1);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long holds = ChargeSeed.holds(options.required("db-url"), options.required("db-user"), budget.budgetId());
        if (holds != charges) {
            throw new IllegalStateException("the budget has " + holds + " holds, not " + charges);
        }
        Properties out = new Properties();
        out.setProperty("budgetId", budget.budgetId());
        out.setProperty("hetu", budget.hetu());
        out.setProperty("charges", Integer.toString(charges));
        try (Writer writer = Files.newBufferedWriter(Path.of(options.required("out")), StandardCharsets.UTF_8)) {
            out.store(writer, "the year's client (identity code: a generated test one)");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("charges", charges);
        figures.put("held", booked.held());
        figures.put("captured", booked.captured());
        figures.put("reversed", booked.reversed());
        figures.put("seedMs", millis);
        System.out.println(AuthorizationLoad.toJson(figures));
    }

    private static void search(HttpClient http, URI base, Options options) throws Exception {
        Properties seeded = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(options.required("seeded")), StandardCharsets.UTF_8)) {
            seeded.load(reader);
        }
        PortalIssuer issuer = PortalIssuer.load(Path.of(options.required("issuer-key")), options.required("issuer"));
        String token = issuer.token(seeded.getProperty("hetu"), PortalApi.TENANT, TOKEN_LIFETIME);
        Map<String, Object> figures = SearchLoad.run(http, base, seeded.getProperty("budgetId"), token,
                Integer.parseInt(seeded.getProperty("charges")),
                Integer.parseInt(options.getOrDefault("warmup", "30")),
                Integer.parseInt(options.getOrDefault("repetitions", "100")),
                Path.of(options.required("bundle-out")),
                cpuWatch(options));
        System.out.println(AuthorizationLoad.toJson(figures));
    }

    private static void notify(HttpClient http, URI base, Options options) throws Exception {
        int budgets = Integer.parseInt(options.getOrDefault("budgets", "1"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "100"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "30"));
        Duration drain = Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain", "60")));
        String apiKey = options.required("key");
        PortalIssuer issuer = PortalIssuer.load(Path.of(options.required("issuer-key")), options.required("issuer"));
        String nonce = Long.toString(System.currentTimeMillis(), 36);
        LocalDate today = LocalDate.now(fi.avain.budget.CardAuthorizer.BUDGET_ZONE);
        PortalApi api = new PortalApi(http, base);

        List<String> cards = new ArrayList<>();
        List<PortalApi.Budget> seeded = new ArrayList<>();
        // Client 0 is the year's, whose charges the search reads; each load takes clients of its own.
        int firstClient = Integer.parseInt(options.getOrDefault("first-client", "1"));
        for (int i = 0; i < budgets; i++) {
            PortalApi.Budget budget = api.plan(apiKey, "bench-fhir-notify-" + nonce + "-" + i, firstClient + i,
                    today.minusDays(30), today.plusDays(365));
            String cardId = "fn_" + nonce + "_" + i;
            api.card(apiKey, cardId, budget.budgetId());
            cards.add(cardId);
            seeded.add(budget);
        }
        // The JDK's HTTP server leaves Nagle on: each 200 would wait ~40 ms for a delayed ACK on loopback and
        // hold the server's one-at-a-time delivery with it. Read once, when the server class first loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        NotificationLoad load = new NotificationLoad(http, base, options.required("secret"), cards);
        ExecutorService executor = NotificationLoad.executor();
        HttpServer subscriber = load.subscriber(executor);
        Map<String, String> subscriptions = new LinkedHashMap<>();
        try {
            String hook = "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/hook";
            for (PortalApi.Budget budget : seeded) {
                String token = issuer.token(budget.hetu(), PortalApi.TENANT, TOKEN_LIFETIME);
                subscriptions.put(api.subscribe(token, budget.budgetId(), hook), token);
            }
            // The warm-up's notifications are let in before the counted load starts: a freshly started server
            // compiles the card and delivery paths meanwhile, and its backlog would be counted as the load's.
            double caughtUp = 0;
            if (warmup > 0) {
                load.send(rate, warmup, false);
                long start = System.nanoTime();
                load.drain(drain);
                caughtUp = (System.nanoTime() - start) / 1e9;
            }
            CpuWatch cpu = cpuWatch(options);
            cpu.start();
            load.send(rate, duration, true);
            Map<String, Object> used = cpu.stop((int) Math.round(rate * duration));
            load.drain(drain);
            Map<String, Object> figures = load.figures(rate, duration, budgets);
            figures.putAll(used);
            figures.put("warmupCaughtUpSeconds", AuthorizationLoad.round(caughtUp));
            System.out.println(AuthorizationLoad.toJson(figures));
        } finally {
            // Off before the subscriber goes, so a backlog left undelivered is not retried into the next load.
            for (Map.Entry<String, String> subscription : subscriptions.entrySet()) {
                api.unsubscribe(subscription.getValue(), subscription.getKey());
            }
            subscriber.stop(0);
            executor.shutdownNow();
        }
    }
}
