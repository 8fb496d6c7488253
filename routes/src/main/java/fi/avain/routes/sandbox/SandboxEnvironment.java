package fi.avain.routes.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.connectors.card.ProcessorCredentials;
import fi.avain.routes.security.PortalSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Prepares the sandbox before the application context exists: refuses sandbox settings under the
 * prod profile, loads or makes the sandbox's secrets and token issuer, and points the connectors at simulators —
 * those of a sandbox server already running (from its {@code data/sandbox.json}), or new ones.
 * A connector URL the user gave explicitly is left alone.
 */
public class SandboxEnvironment implements EnvironmentPostProcessor, Ordered {
    static final Map<String, String> CONNECTOR_URL_KEYS = Map.of(
            "ptv", "avain.connectors.ptv.base-url",
            "comparison", "avain.connectors.comparison.base-url",
            "marketplace", "avain.connectors.marketplace.base-url",
            "voucher", "avain.connectors.voucher.base-url");
    private static final Map<String, String> SHORT_ENV_VARS = Map.of(
            "ptv", "AVAIN_PTV_URL", "comparison", "AVAIN_COMPARISON_URL", "marketplace", "AVAIN_MARKETPLACE_URL",
            "voucher", "AVAIN_VOUCHER_URL");

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ProdGuard.check(environment);
        if (!environment.getProperty("avain.sandbox.enabled", Boolean.class, false)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("avain.data-dir", "./data"));
        Properties secrets = SandboxSecrets.loadOrCreate(dataDir, tenants(environment));
        environment.getPropertySources().addLast(new PropertiesPropertySource("sandbox-secrets", secrets));

        boolean job = "job".equals(environment.getProperty("avain.mode"));
        if (!job) {
            trustTheSandboxIssuer(environment, dataDir);
        }
        Optional<JsonNode> running = job ? SandboxFile.ofRunningServer(dataDir) : Optional.empty();
        Map<String, String> urls = new HashMap<>();
        if (running.isPresent()) {
            running.get().path("simulators").fields().forEachRemaining(e -> urls.put(e.getKey(), e.getValue().asText()));
        } else {
            if (!job) {
                SandboxFile.delete(dataDir);
            }
            SandboxSimulators simulators = SandboxSimulators.start(
                    environment.getProperty("avain.sandbox.ptv-services", Integer.class, 500),
                    environment.getProperty("avain.sandbox.seed", Long.class, 20261123L),
                    job ? null : processorCredentials(environment),
                    Path.of(environment.getProperty("avain.connectors.card.clearing-dir",
                            dataDir.resolve("clearing").toString())));
            urls.putAll(simulators.urls());
            application.addInitializers(context ->
                    context.getBeanFactory().registerSingleton("sandboxSimulators", simulators));
            application.addListeners(event -> {
                if (event instanceof ContextClosedEvent) {
                    simulators.close();
                }
            });
        }
        Map<String, Object> properties = new HashMap<>();
        urls.forEach((name, url) -> properties.put("avain.sandbox.simulators." + name, url));
        CONNECTOR_URL_KEYS.forEach((name, key) -> {
            if (urls.containsKey(name) && !explicitlySet(environment, key, SHORT_ENV_VARS.get(name))) {
                properties.put(key, urls.get(name));
            }
        });
        environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource("sandbox-simulators", properties));
    }

    /** The sample tenant and every tenant with a file: each gets a reporting key. */
    static Set<String> tenants(ConfigurableEnvironment environment) {
        Set<String> tenants = new TreeSet<>(Set.of(SandboxSamples.TENANT));
        Path dir = Path.of(environment.getProperty("avain.tenants-dir", "config/tenants"));
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.matches("[a-z0-9][a-z0-9_-]*\\.ya?ml"))
                        .map(n -> n.replaceFirst("\\.ya?ml$", "")).forEach(tenants::add);
            } catch (IOException e) {
                // the tenant catalogue reports an unreadable directory when it starts
            }
        }
        return tenants;
    }

    /**
     * Unless a real issuer's key is configured, {@code /fhir} checks citizens' tokens against the sandbox's
     * own issuer, whose tokens {@code data/sandbox.json} hands out.
     */
    private static void trustTheSandboxIssuer(ConfigurableEnvironment environment, Path dataDir) {
        if (!environment.getProperty("avain.portal.jwk-set-uri", "").isBlank()
                || !environment.getProperty("avain.portal.public-key", "").isBlank()) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("avain.portal.public-key", SandboxIssuer.loadOrCreate(dataDir).publicKeyPem());
        properties.put(SandboxIssuer.ACTIVE, "true");
        if (environment.getProperty("avain.portal.issuer", "").isBlank()) {
            properties.put("avain.portal.issuer", PortalSettings.SANDBOX_ISSUER);
        }
        environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource("sandbox-issuer", properties));
    }

    private static ProcessorCredentials processorCredentials(ConfigurableEnvironment environment) {
        String key = environment.getProperty("avain.security.api-keys.processor[0]");
        String generic = environment.getProperty("avain.connectors.card.secrets.generic[0]");
        String stripe = environment.getProperty("avain.connectors.card.secrets.stripe[0]");
        if (key == null || generic == null || stripe == null) {
            return null;
        }
        return new ProcessorCredentials(key, generic, stripe);
    }

    /** Set on the command line, as a system property or environment variable, or in a test. */
    private static boolean explicitlySet(ConfigurableEnvironment environment, String key, String shortEnvVar) {
        if (System.getenv(shortEnvVar) != null) {
            return true;
        }
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.getName().startsWith("Config resource") || source.getName().startsWith("applicationConfig")) {
                return false;
            }
            if (source.getName().equals("configurationProperties")) {
                continue; // a view over every other source, the configuration files included
            }
            if (source.containsProperty(key)) {
                return true;
            }
        }
        return false;
    }

    static boolean anyProfile(ConfigurableEnvironment environment, String profile) {
        return Arrays.asList(environment.getActiveProfiles()).contains(profile);
    }
}
