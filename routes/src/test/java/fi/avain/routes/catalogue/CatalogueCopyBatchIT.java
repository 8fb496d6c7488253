package fi.avain.routes.catalogue;

import static org.assertj.core.api.Assertions.assertThat;


import fi.avain.routes.messages.PostgresSchema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Test
    void aCopiedRowHoldsEveryColumnAsTheInsertsWrote() {
        UUID service = UUID.randomUUID();
        UUID location = UUID.randomUUID();
        UUID link = UUID.randomUUID();
        Instant modified = Instant.parse("2026-10-01T12:00:00.123456Z");
        CatalogueItem organization = new CatalogueItem(HsdsType.ORGANIZATION, UUID.randomUUID(), "comparison", "c-1",
                null, null, "1234567-1", "Hoiva Oy", "hoiva oy", "{}", "a".repeat(64), List.of(), modified);
        CatalogueItem serviceAtLocation = new CatalogueItem(HsdsType.SERVICE_AT_LOCATION, link, "ptv", "sal-1", service,
                location, null, "Palvelupiste", "palvelupiste", "{\"id\":1}", "b".repeat(64), List.of(), modified);
        copy.save(List.of(organization, serviceAtLocation), i -> false, NOW);

        Map<String, Object> row = jdbc.sql("select * from catalogue_item where id = :id").param("id", link)
                .query().singleRow();
        assertThat(row).containsEntry("hsds_type", "service_at_location").containsEntry("source_system", "ptv")
                .containsEntry("source_id", "sal-1").containsEntry("parent_id", service).containsEntry("ref_id", location)
                .containsEntry("business_id", null).containsEntry("name", "Palvelupiste")
                .containsEntry("search_text", "palvelupiste").containsEntry("body", "{\"id\":1}")
                .containsEntry("content_hash", "b".repeat(64));
        assertThat(jdbc.sql("select modified_at, synced_at from catalogue_item where id = :id").param("id", link)
                .query((rs, n) -> List.of(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, OffsetDateTime.class).toInstant())).single())
                .containsExactly(modified, NOW);
        assertThat(jdbc.sql("select business_id from catalogue_item where id = :id").param("id", organization.id())
                .query(String.class).single()).isEqualTo("1234567-1");

        CatalogueItem renamed = new CatalogueItem(HsdsType.ORGANIZATION, organization.id(), "comparison", "c-1", null,
                null, "1234567-1", "Hoiva ja Apu Oy", "hoiva ja apu oy", "{}", "c".repeat(64),
                List.of(new CatalogueItem.Facet("municipality", "091")), modified);
        copy.save(List.of(renamed), i -> true, NOW);
        assertThat(jdbc.sql("select name from catalogue_item where id = :id").param("id", organization.id())
                .query(String.class).list()).as("replaced, not added").containsExactly("Hoiva ja Apu Oy");
        assertThat(jdbc.sql("select facet_value from catalogue_item_facet where item_id = :id")
                .param("id", organization.id()).query(String.class).list()).containsExactly("091");
    }
}
