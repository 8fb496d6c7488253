package fi.avain.routes.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.budget.Cards;
import fi.avain.budget.Representatives;
import fi.avain.budget.Vouchers;
import fi.avain.routes.voucher.VoucherService;
import fi.avain.routes.budget.PlanIntake;
import fi.avain.routes.security.PortalSettings;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobRunner;
import fi.avain.routes.jobs.JobSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When the sandbox server is up: runs the first catalogue sync, then writes {@code data/sandbox.json}
 * and prints the banner. Until the sync is done, health reports OUT_OF_SERVICE, so whoever waits for
 * the sandbox waits for its data too.
 */
@Component("sandbox")
@ConditionalOnExpression("${avain.sandbox.enabled:false} and '${avain.mode:server}' == 'server'")
class SandboxStartup implements HealthIndicator {

    private final JobRunner jobs;
    private final Environment environment;
    private final ObjectMapper json;
    private final JdbcClient jdbc;
    private volatile String state = "starting";

    private final PlanIntake plans;
    private final Cards cards;
    private final TransactionTemplate tx;
    private final ObjectProvider<SandboxSimulators> simulators;
    private final Clock clock;
    private final VoucherService voucherService;
    private final Vouchers vouchers;
    private final PortalSettings portal;
    private final Representatives representatives;

    SandboxStartup(JobRunner jobs, Environment environment, ObjectMapper json, JdbcClient jdbc, PlanIntake plans,
                   Cards cards, TransactionTemplate tx, ObjectProvider<SandboxSimulators> simulators,
                   ObjectProvider<Clock> clock, VoucherService voucherService, Vouchers vouchers,
                   PortalSettings portal, Representatives representatives) {
        this.portal = portal;
        this.representatives = representatives;
        this.voucherService = voucherService;
        this.vouchers = vouchers;
        this.plans = plans;
        this.cards = cards;
        this.tx = tx;
        this.simulators = simulators;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.jobs = jobs;
        this.environment = environment;
        this.json = json;
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        return "ready".equals(state) ? Health.up().withDetail("sandbox", state).build()
                : Health.outOfService().withDetail("sandbox", state).build();
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        state = "first catalogue sync";
        forgetWhatTheLastSandboxSent();
        JobSummary sync = jobs.run("catalogue-sync", Map.of(), JobProgress.NONE);
        int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
        String address = environment.getProperty("server.address", "127.0.0.1");
        String baseUrl = "http://" + address + ":" + port;
        Path dataDir = Path.of(environment.getProperty("avain.data-dir", "./data"));
        ObjectNode file = describe(baseUrl, dataDir);
        state = "sample budgets and card spends";
        SandboxSimulators running = simulators.getIfAvailable();
        SandboxSamples samples = new SandboxSamples(plans, cards, tx, jobs, clock, voucherService, vouchers,
                representatives);
        samples.create((ObjectNode) file.get("samples"),
                Optional.ofNullable(running).flatMap(SandboxSimulators::processor).orElse(null),
                running == null ? null : running.voucher(), baseUrl);
        state = "follow-up costs and outcomes";
        samples.followUp((ObjectNode) file.get("samples"), dataDir);
        SandboxFile.write(dataDir, file);
        state = "ready";
        System.out.println(banner(baseUrl, file, sync, dataDir.resolve("sandbox.json")));
    }

    /**
     * The marketplace simulator starts empty with every sandbox, so the copy of what was sent to the
     * last one is dropped and the first sync sends the catalogue again.
     */
    private void forgetWhatTheLastSandboxSent() {
        for (String table : List.of("catalogue_item_facet", "catalogue_item", "sync_watermark")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    private ObjectNode describe(String baseUrl, Path dataDir) {
        ObjectNode file = json.createObjectNode();
        file.put("baseUrl", baseUrl);
        ObjectNode keys = file.putObject("apiKeys");
        for (String role : List.of("integrator", "operator", "processor")) {
            keys.put(role, environment.getProperty("avain.security.api-keys." + role + "[0]", ""));
        }
        ObjectNode secrets = file.putObject("secrets");
        secrets.put("cardWebhook", environment.getProperty("avain.connectors.card.secrets.generic[0]", ""));
        secrets.put("stripeWebhook", environment.getProperty("avain.connectors.card.secrets.stripe[0]", ""));
        ObjectNode simulators = file.putObject("simulators");
        for (String name : List.of("ptv", "comparison", "marketplace", "voucher", "processor")) {
            String url = environment.getProperty("avain.sandbox.simulators." + name);
            if (url != null) {
                simulators.put(name, url);
            }
        }
        ObjectNode samples = file.putObject("samples");
        samples.put("tenant", SandboxSamples.TENANT);
        ObjectNode urls = file.putObject("urls");
        urls.put("apiDocs", baseUrl + "/api/docs");
        urls.put("openApi", baseUrl + "/api/openapi.json");
        urls.put("health", baseUrl + "/actuator/health");
        urls.put("hsdsServices", baseUrl + "/api/v1/hsds/services");
        urls.put("voucherSoap", baseUrl + "/soap/vouchers");
        urls.put("voucherWsdl", baseUrl + "/soap/vouchers?wsdl");
        urls.put("fhir", baseUrl + "/fhir");
        if (environment.getProperty(SandboxIssuer.ACTIVE, Boolean.class, false)) {
            urls.put("issuerJwks", baseUrl + SandboxIssuerController.JWKS_PATH);
            file.set("tokens", tokens(SandboxIssuer.loadOrCreate(dataDir)));
        }
        ObjectNode xroad = file.putObject("xroad");
        xroad.put("avain", environment.getProperty("avain.connectors.voucher.xroad.instance") + "/"
                + environment.getProperty("avain.connectors.voucher.xroad.member-class") + "/"
                + environment.getProperty("avain.connectors.voucher.xroad.member-code") + "/"
                + environment.getProperty("avain.connectors.voucher.xroad.subsystem"));
        xroad.put("voucherSystem", environment.getProperty("avain.connectors.voucher.service.instance") + "/"
                + environment.getProperty("avain.connectors.voucher.service.member-class") + "/"
                + environment.getProperty("avain.connectors.voucher.service.member-code") + "/"
                + environment.getProperty("avain.connectors.voucher.service.subsystem"));
        return file;
    }

    /**
     * Citizens' tokens from the sandbox issuer, made afresh on every start (the key stays, so tokens
     * copied earlier keep working until they expire).
     */
    private ObjectNode tokens(SandboxIssuer issuer) {
        Instant now = clock.instant();
        ObjectNode tokens = json.createObjectNode();
        tokens.put("client", issuer.sign(portal, "sandbox-client", SandboxSamples.CLIENT_HETU,
                SandboxSamples.TENANT, now));
        tokens.put("representative", issuer.sign(portal, "sandbox-representative",
                SandboxSamples.REPRESENTATIVE_HETU, SandboxSamples.TENANT, now));
        tokens.put("otherTenant", issuer.sign(portal, "sandbox-other-tenant", SandboxSamples.CLIENT_HETU,
                "other-county", now));
        return tokens;
    }

    private static String banner(String baseUrl, ObjectNode file, JobSummary sync, Path written) {
        StringBuilder text = new StringBuilder();
        text.append("\n  Avain sandbox is running at ").append(baseUrl).append('\n');
        text.append("    API docs      ").append(baseUrl).append("/api/docs\n");
        text.append("    Health        ").append(baseUrl).append("/actuator/health\n");
        text.append("    HSDS services ").append(baseUrl).append("/api/v1/hsds/services\n");
        file.path("simulators").fields().forEachRemaining(e ->
                text.append("    ").append(String.format("%-13s", e.getKey() + " sim")).append(' ').append(e.getValue().asText()).append('\n'));
        text.append("    Integrator key: ").append(file.path("apiKeys").path("integrator").asText()).append('\n');
        text.append("    Operator key:   ").append(file.path("apiKeys").path("operator").asText()).append('\n');
        JsonNode samples = file.path("samples");
        if (samples.has("budgetId")) {
            text.append("    Sample budget:  ").append(baseUrl).append("/api/v1/budgets/")
                    .append(samples.path("budgetId").asText()).append('\n');
            text.append("    Sample card:    ").append(samples.path("cardId").asText()).append(" (allowed MCC ")
                    .append(samples.path("allowedMcc").asText()).append(", blocked ")
                    .append(samples.path("blockedMcc").asText()).append(")\n");
        }
        if (samples.has("voucherId")) {
            text.append("    Sample voucher: ").append(baseUrl).append("/api/v1/vouchers/")
                    .append(samples.path("voucherId").asText()).append('\n');
            text.append("    Voucher SOAP:   ").append(baseUrl).append("/soap/vouchers?wsdl (examples in "
                    + "docs/examples/vouchers)\n");
        }
        if (file.has("tokens")) {
            text.append("    FHIR:           ").append(baseUrl).append("/fhir (citizen tokens under \"tokens\" in "
                    + "sandbox.json)\n");
        }
        text.append("    First catalogue sync: ").append(sync.toJson()).append('\n');
        text.append("    Everything above is in ").append(written.normalize()).append(". Ctrl-C stops the sandbox.\n");
        return text.toString();
    }
}
