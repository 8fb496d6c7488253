package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.avain.connectors.comparison.ComparisonCatalogue;
import fi.avain.connectors.comparison.ComparisonSimulator;
import fi.avain.connectors.marketplace.MarketplaceHeaders;
import fi.avain.connectors.marketplace.MarketplaceSimulator;
import fi.avain.connectors.ptv.PtvCatalogue;
import fi.avain.connectors.ptv.PtvSimulator;
import fi.avain.connectors.simulator.Fault;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sync killed with SIGKILL half-way leaves nothing that a rerun does not put right. */
class KillAndRerunIT {
    @TempDir
    Path dataDir;

    private PtvSimulator ptv;
    private ComparisonSimulator comparison;
    private final List<MarketplaceSimulator> marketplaces = new ArrayList<>();

    @BeforeEach
    void startSources() {
        PtvCatalogue catalogue = PtvCatalogue.generate(40, 23, Instant.parse("2026-03-02T08:00:00Z"));
        ptv = PtvSimulator.start(catalogue);
        comparison = ComparisonSimulator.start(ComparisonCatalogue.generate(catalogue, 23));
    }

    @AfterEach
    void stopSimulators() {
        ptv.close();
        comparison.close();
        marketplaces.forEach(MarketplaceSimulator::close);
    }

    private MarketplaceSimulator newMarketplace() {
        MarketplaceSimulator marketplace = MarketplaceSimulator.start();
        marketplaces.add(marketplace);
        return marketplace;
    }

    /** The clean run to compare with, then a run killed half-way through the services and a rerun. */
    @Test
    void aRerunAfterAKilledSyncEndsExactlyAsOneCleanRun() {
        String cleanSchema = TestDatabase.newSchema();
        MarketplaceSimulator cleanMarketplace = newMarketplace();
        AvainJar.Run clean = AvainJar.run(AvainJar.catalogueSync(cleanSchema, dataDir, ptv, comparison, cleanMarketplace));
        assertThat(clean.exitCode()).as(clean.stderr()).isZero();
        int services = cleanMarketplace.ids("services").size();
        assertThat(services).isGreaterThan(10);

        String schema = TestDatabase.newSchema();
        MarketplaceSimulator marketplace = newMarketplace();
        marketplace.timeoutDelay(Duration.ofMillis(150));
        marketplace.failPath("/services/", Fault.TIMEOUT);
        List<String> slow = new ArrayList<>(AvainJar.catalogueSync(schema, dataDir, ptv, comparison, marketplace));
        slow.add("--avain.catalogue.parallelism=1");
        slow.add("--avain.connectors.marketplace.read-timeout=10s");
        AvainJar.Started killed = AvainJar.start(slow, Map.of());
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> marketplace.ids("services").size() >= 3 || !killed.process().isAlive());
        } finally {
            killed.kill();
        }
        assertThat(marketplace.ids("services")).as("services in the marketplace when killed").hasSizeBetween(3, services - 1);
        marketplace.clearFaults();

        AvainJar.Run rerun = AvainJar.run(AvainJar.catalogueSync(schema, dataDir, ptv, comparison, marketplace));

        assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
        assertThat(contents(marketplace)).isEqualTo(contents(cleanMarketplace));
        assertThat(copy(schema)).isEqualTo(copy(cleanSchema)).doesNotHaveDuplicates();
    }

    /** Type, then id, then body, in order. */
    private static Map<String, Map<String, String>> contents(MarketplaceSimulator marketplace) {
        Map<String, Map<String, String>> contents = new TreeMap<>();
        for (String type : MarketplaceHeaders.TYPES) {
            Map<String, String> bodies = new TreeMap<>();
            marketplace.ids(type).forEach(id -> bodies.put(id, marketplace.get(type, id).orElseThrow().toString()));
            contents.put(type, bodies);
        }
        return contents;
    }

    /** Every row of the catalogue copy as "type id hash", in order, duplicates kept. */
    private static List<String> copy(String schema) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select hsds_type, id, content_hash from " + schema
                        + ".catalogue_item order by hsds_type, id")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
