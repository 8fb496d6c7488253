package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.connectors.comparison.ComparisonSimulator;
import fi.avain.connectors.marketplace.MarketplaceSimulator;
import fi.avain.connectors.ptv.PtvSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code routes/target/avain.jar} run as its own process from the repository root, as
 * {@code ./avain} runs it: stdout and stderr go to files, and every wait is bounded.
 */
final class AvainJar {
    static final String ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final long RUN_SECONDS = 180;

    private AvainJar() {
    }

    /** What one finished run left behind. */
    record Run(int exitCode, String stdout, String stderr) {
        /** The last line on stdout, parsed. */
        JsonNode summary() {
            List<String> lines = stdout.lines().filter(line -> !line.isBlank()).toList();
            assertThat(lines).as("stdout (stderr: %s)", tail(stderr)).isNotEmpty();
            return AvainIntegrationTest.json(lines.get(lines.size() - 1));
        }

        long count(String name) {
            return summary().path(name).asLong();
        }
    }

    /** A running process and the files its output goes to. */
    record Started(Process process, Path stdout, Path stderr) {
        /** Waits (bounded) for it to end; kills it if it does not. */
        Run await() {
            try {
                if (!process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    throw new AssertionError("avain.jar did not end in " + RUN_SECONDS + " s; stderr: " + tail(read(stderr)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException(e);
            }
            return new Run(process.exitValue(), read(stdout), read(stderr));
        }

        void kill() {
            try {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static Run run(List<String> arguments) {
        return start(arguments, Map.of()).await();
    }

    static Run run(List<String> arguments, Map<String, String> environment) {
        return start(arguments, environment).await();
    }

    /** Starts {@code java -jar avain.jar <arguments>} with no {@code AVAIN_*} variables but the given ones. */
    static Started start(List<String> arguments, Map<String, String> environment) {
        Path root = repositoryRoot();
        Path jar = root.resolve("routes/target/avain.jar");
        assertThat(jar).as("the reactor packages avain.jar before the integration tests").isRegularFile();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                // C1 only and one GC thread: these processes live seconds to a minute on a shared 2-core
                // machine, where C2's compiling costs more than it wins back; start-up takes half as long
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
        command.addAll(arguments);
        try {
            Path output = Files.createTempDirectory(root.resolve("integration-tests/target"), "avain-jar-");
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectOutput(output.resolve("stdout").toFile())
                    .redirectError(output.resolve("stderr").toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("AVAIN_"));
            builder.environment().putAll(environment);
            return new Started(builder.start(), output.resolve("stdout"), output.resolve("stderr"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code job catalogue-sync} against a schema of its own and the given simulators, with short
     * retries so that a failing source fails fast.
     */
    static List<String> catalogueSync(String schema, Path dataDir, PtvSimulator ptv, ComparisonSimulator comparison,
            MarketplaceSimulator marketplace) {
        return catalogueSync(schema, dataDir, ptv.baseUrl(), comparison, marketplace);
    }

    static List<String> catalogueSync(String schema, Path dataDir, String ptvUrl, ComparisonSimulator comparison,
            MarketplaceSimulator marketplace) {
        List<String> arguments = new ArrayList<>(List.of("job", "catalogue-sync"));
        arguments.addAll(onSchema(TestDatabase.urlFor(schema), schema, dataDir));
        arguments.addAll(List.of(
                "--avain.connectors.ptv.base-url=" + ptvUrl,
                "--avain.connectors.comparison.base-url=" + comparison.baseUrl(),
                "--avain.connectors.marketplace.base-url=" + marketplace.baseUrl(),
                "--avain.connectors.ptv.max-response-bytes=2097152"));
        for (String connector : new String[] {"ptv", "comparison", "marketplace"}) {
            arguments.add("--avain.connectors." + connector + ".retry-backoff=20ms");
            arguments.add("--avain.connectors." + connector + ".max-retries=1");
        }
        return arguments;
    }

    /**
     * What every run on a test schema needs: the database (at {@code jdbcUrl}, which may lead through
     * a proxy), no sandbox, the message store's key and a data directory of its own.
     */
    static List<String> onSchema(String jdbcUrl, String schema, Path dataDir) {
        return List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + TestDatabase.USER,
                "--spring.datasource.password=" + TestDatabase.PASSWORD,
                "--spring.flyway.schemas=" + schema,
                "--avain.sandbox.enabled=false",
                "--avain.messages.encryption-key=" + ENCRYPTION_KEY,
                "--avain.data-dir=" + dataDir);
    }

    /** {@code job card-clearing --file=<file>} on the schema. */
    static List<String> cardClearing(String schema, Path dataDir, Path file) {
        List<String> arguments = new ArrayList<>(List.of("job", "card-clearing", "--file=" + file.toAbsolutePath()));
        arguments.addAll(onSchema(TestDatabase.urlFor(schema), schema, dataDir));
        return arguments;
    }

    static Path repositoryRoot() {
        String configured = System.getProperty("avain.repository.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isRegularFile(directory.resolve("avain"))) {
            directory = directory.getParent();
        }
        assertThat(directory).as("the repository root, holding ./avain, above the working directory").isNotNull();
        return directory;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
