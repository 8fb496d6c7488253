package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.connectors.comparison.ComparisonCatalogue;
import fi.avain.connectors.comparison.ComparisonSimulator;
import fi.avain.connectors.marketplace.MarketplaceSimulator;
import fi.avain.connectors.ptv.PtvCatalogue;
import fi.avain.connectors.ptv.PtvKind;
import fi.avain.connectors.ptv.PtvSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./avain job …} as operators run it: the packaged jar in a process of its own. */
class JobCommandIT {
    private static final List<String> SUMMARY_FIELDS = List.of(
            "job", "status", "fetched", "created", "updated", "unchanged", "deleted", "failed", "durationMs");

    @TempDir
    Path dataDir;

    private final String schema = TestDatabase.newSchema();
    private PtvSimulator ptv;
    private ComparisonSimulator comparison;
    private MarketplaceSimulator marketplace;

    @BeforeEach
    void startSimulators() {
        PtvCatalogue catalogue = PtvCatalogue.generate(20, 11, Instant.parse("2026-03-02T08:00:00Z"));
        ptv = PtvSimulator.start(catalogue);
        comparison = ComparisonSimulator.start(ComparisonCatalogue.generate(catalogue, 11));
        marketplace = MarketplaceSimulator.start();
    }

    @AfterEach
    void stopSimulators() {
        ptv.close();
        comparison.close();
        marketplace.close();
    }

    private List<String> sync() {
        return AvainJar.catalogueSync(schema, dataDir, ptv, comparison, marketplace);
    }

    private static void assertOnlyTheSummaryOnStdout(AvainJar.Run run) {
        assertThat(run.stdout().lines().filter(line -> !line.isBlank()).toList())
                .as("stdout; stderr holds the logs")
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("{\"job\":").endsWith("}"));
    }

    @Test
    void aFirstRunCreatesItemsAndASecondRunFindsNothingNew() {
        AvainJar.Run first = AvainJar.run(sync());

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertOnlyTheSummaryOnStdout(first);
        JsonNode summary = first.summary();
        assertThat(summary.properties()).extracting(java.util.Map.Entry::getKey).containsAll(SUMMARY_FIELDS);
        assertThat(summary.path("job").asText()).isEqualTo("catalogue-sync");
        assertThat(summary.path("status").asText()).isEqualTo("done");
        assertThat(first.count("created")).isPositive();
        assertThat(first.count("failed")).isZero();
        assertThat(marketplace.ids("services")).isNotEmpty();
        assertThat(first.stderr()).isNotBlank();

        AvainJar.Run second = AvainJar.run(sync());

        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertOnlyTheSummaryOnStdout(second);
        assertThat(second.count("created")).isZero();
        assertThat(second.count("updated")).isZero();
        assertThat(second.summary().path("status").asText()).isEqualTo("done");
    }

    @Test
    void aMistypedOptionExitsWithTwoBeforeTheJobRuns() {
        List<String> arguments = new ArrayList<>(sync());
        arguments.add(2, "--fulll");

        AvainJar.Run run = AvainJar.run(arguments);

        assertThat(run.exitCode()).isEqualTo(2);
        assertOnlyTheSummaryOnStdout(run);
        assertThat(run.summary().path("error").asText())
                .isEqualTo("unknown option --fulll; catalogue-sync takes --full");
        assertThat(marketplace.puts("services")).isZero();
    }

    @Test
    void anUnknownJobExitsWithTwoAndAFailedSummary() {
        List<String> arguments = new ArrayList<>(sync());
        arguments.set(1, "no-such-job");

        AvainJar.Run run = AvainJar.run(arguments);

        assertThat(run.exitCode()).isEqualTo(2);
        assertOnlyTheSummaryOnStdout(run);
        assertThat(run.summary().path("status").asText()).isEqualTo("failed");
        assertThat(run.summary().path("error").asText()).contains("unknown job");
    }

    @Test
    void aBadItemInPtvMakesTheExitCodeOne() {
        String organization = ptv.catalogue().ids(PtvKind.Organization).get(0);
        ObjectNode bad = (ObjectNode) ptv.catalogue().item(PtvKind.Organization, organization).orElseThrow();
        bad.put("businessCode", "1234567-8");
        bad.put("publishingStatus", "Published");
        ptv.catalogue().put(PtvKind.Organization, bad);

        AvainJar.Run run = AvainJar.run(sync());

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertOnlyTheSummaryOnStdout(run);
        assertThat(run.summary().path("status").asText()).isEqualTo("done_with_errors");
        assertThat(run.count("failed")).isEqualTo(1);
        assertThat(run.count("created")).isPositive();
    }

    @Test
    void anUnreachablePtvExitsWithOneBecauseTheJobRan() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        AvainJar.Run run = AvainJar.run(AvainJar.catalogueSync(schema, dataDir,
                "http://127.0.0.1:" + closedPort + "/api/v11", comparison, marketplace));

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertOnlyTheSummaryOnStdout(run);
        assertThat(run.summary().path("status").asText()).isEqualTo("done_with_errors");
        assertThat(run.count("failed")).isPositive();
    }
}
