package fi.avain.routes.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.routes.messages.PostgresSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/** The copy's SQL on its own schema of the test PostgreSQL. */
@SpringBootTest(classes = CatalogueCopyIT.CopyOnly.class)
@ContextConfiguration(initializers = PostgresSchema.class)
@DirtiesContext
class CatalogueCopyIT {
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class})
    @Import(CatalogueCopyQueries.class)
    static class CopyOnly {
    }

    @Autowired
    CatalogueCopyQueries copy;
    @Autowired
    JdbcClient jdbc;

    @Test
    void findsServiceAtLocationsByTheirServiceAndLocation() {
        UUID service = UUID.randomUUID();
        UUID location = UUID.randomUUID();
        CatalogueItem link = item(HsdsType.SERVICE_AT_LOCATION, service, location);
        copy.save(List.of(item(HsdsType.SERVICE, null, null), item(HsdsType.LOCATION, null, null), link),
                i -> false, NOW);

        assertThat(copy.serviceAtLocationIds(List.of(service, UUID.randomUUID())))
                .isEqualTo(Map.of(service, List.of(link.id())));
        assertThat(copy.serviceAtLocationsOfLocations(List.of(location))).containsExactly(link.id());
    }

    @Test
    void onlyAServiceAtLocationLinksToAServiceAndALocation() {
        assertThatThrownBy(() -> copy.save(List.of(item(HsdsType.SERVICE, UUID.randomUUID(), null)), i -> false, NOW))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> copy.save(List.of(item(HsdsType.SERVICE_AT_LOCATION, UUID.randomUUID(), null)),
                i -> false, NOW))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> copy.save(List.of(item(HsdsType.SERVICE_AT_LOCATION, null, null)), i -> false, NOW))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void takesStatisticsAgainEachTimeTheCopyHasDoubled() {
        copy.refreshStatisticsAsItGrows();
        assertThat(analyzed()).as("nothing written yet").isZero();

        copy.save(locations(1_000), i -> false, NOW);
        copy.refreshStatisticsAsItGrows();
        assertThat(analyzed()).isOne();

        copy.save(List.of(item(HsdsType.LOCATION, null, null)), i -> false, NOW);
        copy.refreshStatisticsAsItGrows();
        assertThat(analyzed()).as("not doubled since").isOne();

        copy.save(locations(1_100), i -> false, NOW);
        copy.refreshStatisticsAsItGrows();
        assertThat(analyzed()).as("doubled again").isEqualTo(2);
    }

    private static List<CatalogueItem> locations(int count) {
        List<CatalogueItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(item(HsdsType.LOCATION, null, null));
        }
        return items;
    }

    private long analyzed() {
        return jdbc.sql("select analyze_count from pg_stat_user_tables where relid = 'catalogue_item'::regclass")
                .query(Long.class).single();
    }

    private static CatalogueItem item(HsdsType type, UUID parent, UUID ref) {
        UUID id = UUID.randomUUID();
        return new CatalogueItem(type, id, "ptv", id.toString(), parent, ref, null, "name", "name", "{}",
                "0".repeat(64), List.of(), NOW);
    }
}
