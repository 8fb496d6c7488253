package fi.avain.routes.catalogue;

import static org.assertj.core.api.Assertions.assertThat;


import fi.avain.routes.messages.PostgresSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/** A large batch into the copy, on its own schema: the other tests count the rows written. */
@SpringBootTest(classes = CatalogueCopyIT.CopyOnly.class)
@ContextConfiguration(initializers = PostgresSchema.class)
@DirtiesContext
class CatalogueCopyBatchIT {
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @Autowired
    CatalogueCopyQueries copy;
    @Autowired
    JdbcClient jdbc;

    @Test
    void savesABatchOfSeveralMegabytesWithEveryItemsFacets() {
        List<CatalogueItem> items = new ArrayList<>();
        String body = "{\"description\":\"" + "Kotihoito ja palveluasuminen. ".repeat(200) + "\"}";
        for (int i = 0; i < 600; i++) {
            UUID id = UUID.randomUUID();
            items.add(new CatalogueItem(HsdsType.SERVICE, id, "ptv", id.toString(), null, null, null, "Palvelu " + i,
                    "palvelu " + i, body, "0".repeat(64), List.of(new CatalogueItem.Facet("municipality", "091"),
                            new CatalogueItem.Facet("service_class", "P4." + (i % 7))), NOW));
        }
        copy.save(items, i -> false, NOW);

        assertThat(jdbc.sql("select count(*) from catalogue_item where hsds_type = 'service'").query(Long.class).single())
                .isEqualTo(600);
        assertThat(jdbc.sql("select count(*) from catalogue_item_facet where facet = 'municipality'").query(Long.class)
                .single()).isEqualTo(600);
        assertThat(jdbc.sql("select body from catalogue_item where id = :id").param("id", items.get(599).id())
                .query(String.class).single()).isEqualTo(body);
    }
}
