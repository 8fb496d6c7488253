package fi.avain.routes.catalogue;

import fi.avain.routes.jdbc.CopyRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The SQL of Avain's copy of the catalogue. Writes replace whole rows: delete, then insert, in one transaction. */
@Component
class CatalogueCopyQueries {
    private static final Logger log = LoggerFactory.getLogger(CatalogueCopyQueries.class);
    /** Keeps IN lists well under every database's parameter limit. */
    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final boolean postgres;
    /** Rows this process has written to the copy, and the count at which statistics are taken next. */
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong nextAnalyze = new AtomicLong(1_000);

    CatalogueCopyQueries(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.postgres = CopyRows.supportedBy(batch.getJdbcTemplate().getDataSource());
    }

    /**
     * Brings PostgreSQL's statistics of the copy up to date each time the rows this process has written
     * to it have doubled since they were last taken. A lookup prepared while the copy was small keeps a
     * plan that scans the whole table; before autovacuum gets to the table (or where it is off) a first
     * sync of 100 000 services spent most of its database time in such scans. Doubling keeps the
     * ANALYZEs to a handful per run. Statistics only speed things up: failing to take them is logged.
     */
    void refreshStatisticsAsItGrows() {
        long next = nextAnalyze.get();
        if (postgres && written.get() >= next && nextAnalyze.compareAndSet(next, 2 * written.get())) {
            try {
                jdbc.sql("analyze catalogue_item, catalogue_item_facet").update();
            } catch (DataAccessException e) {
                log.warn("could not refresh the statistics of the catalogue copy: {}", e.getMostSpecificCause().toString());
            }
        }
    }

    Map<UUID, String> hashes(HsdsType type, Collection<UUID> ids) {
        Map<UUID, String> hashes = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            jdbc.sql("""
                    select id, content_hash from catalogue_item
                    where hsds_type = :type and id in (:ids)
                    """)
                    .param("type", type.column())
                    .param("ids", chunk)
                    .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("content_hash")))
                    .list()
                    .forEach(e -> hashes.put(e.getKey(), e.getValue()));
        }
        return hashes;
    }

    /**
     * The service_at_location rows of the given services, as service id → their ids. Only a
     * service_at_location has a parent (a constraint says so), so the type is not asked for.
     */
    Map<UUID, List<UUID>> serviceAtLocationIds(Collection<UUID> serviceIds) {
        Map<UUID, List<UUID>> byService = new HashMap<>();
        for (List<UUID> chunk : chunks(serviceIds)) {
            jdbc.sql("""
                    select id, parent_id from catalogue_item where parent_id in (:ids)
                    """)
                    .param("ids", chunk)
                    .query((rs, n) -> Map.entry(rs.getObject("parent_id", UUID.class), rs.getObject("id", UUID.class)))
                    .list()
                    .forEach(e -> byService.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return byService;
    }

    /** The service_at_location ids that point at the given locations (only they have a ref). */
    List<UUID> serviceAtLocationsOfLocations(Collection<UUID> locationIds) {
        List<UUID> ids = new ArrayList<>();
        for (List<UUID> chunk : chunks(locationIds)) {
            ids.addAll(jdbc.sql("""
                    select id from catalogue_item where ref_id in (:ids)
                    """)
                    .param("ids", chunk)
                    .query(UUID.class)
                    .list());
        }
        return ids;
    }

    Set<UUID> existing(HsdsType type, Collection<UUID> ids) {
        return hashes(type, ids).keySet();
    }

    /** PTV organisations by business id, for merging comparison providers into them. */
    Map<String, UUID> organizationsByBusinessId(String sourceSystem, Collection<String> businessIds) {
        Map<String, UUID> ids = new HashMap<>();
        for (List<String> chunk : chunks(businessIds)) {
            jdbc.sql("""
                    select business_id, id from catalogue_item
                    where hsds_type = 'organization' and source_system = :system and business_id in (:ids)
                    """)
                    .param("system", sourceSystem)
                    .param("ids", chunk)
                    .query((rs, n) -> Map.entry(rs.getString("business_id"), rs.getObject("id", UUID.class)))
                    .list()
                    .forEach(e -> ids.put(e.getKey(), e.getValue()));
        }
        return ids;
    }

    /** Ids of every item of a type that came from the given source system. */
    List<UUID> idsFromSource(HsdsType type, String sourceSystem) {
        return jdbc.sql("select id from catalogue_item where hsds_type = :type and source_system = :system")
                .param("type", type.column())
                .param("system", sourceSystem)
                .query(UUID.class)
                .list();
    }

    /** Writes the items; {@code stored} tells which of them the copy already holds, to be replaced. */
    @Transactional
    void save(List<CatalogueItem> items, java.util.function.Predicate<CatalogueItem> stored, Instant syncedAt) {
        if (items.isEmpty()) {
            return;
        }
        Map<HsdsType, List<UUID>> byType = new HashMap<>();
        items.stream().filter(stored)
                .forEach(i -> byType.computeIfAbsent(i.type(), t -> new ArrayList<>()).add(i.id()));
        byType.forEach(this::deleteRows);
        if (postgres) {
            copyRows(items, syncedAt);
        } else {
            insertRows(items, syncedAt);
        }
        written.addAndGet(items.size());
    }

    /** The rows through PostgreSQL's binary COPY: a first sync writes hundreds of thousands. */
    private void copyRows(List<CatalogueItem> items, Instant syncedAt) {
        CopyRows rows = new CopyRows(batch.getJdbcTemplate(), "catalogue_item", List.of("hsds_type", "id",
                "source_system", "source_id", "parent_id", "ref_id", "business_id", "name", "search_text", "body",
                "content_hash", "modified_at", "synced_at"));
        CopyRows facets = new CopyRows(batch.getJdbcTemplate(), "catalogue_item_facet",
                List.of("hsds_type", "item_id", "facet", "facet_value"));
        for (CatalogueItem item : items) {
            rows.row().text(item.type().column()).uuid(item.id()).text(item.sourceSystem()).text(item.sourceId())
                    .uuid(item.parentId()).uuid(item.refId()).text(item.businessId()).text(item.name())
                    .text(item.searchText()).text(item.body()).text(item.contentHash()).timestamp(item.modified())
                    .timestamp(syncedAt);
        }
        // Every item first: a facet's foreign key needs its item, and rows are sent as they pile up.
        rows.finish();
        for (CatalogueItem item : items) {
            for (CatalogueItem.Facet facet : item.facets()) {
                facets.row().text(item.type().column()).uuid(item.id()).text(facet.facet()).text(facet.value());
            }
        }
        facets.finish();
    }

    private void insertRows(List<CatalogueItem> items, Instant syncedAt) {
        batch.batchUpdate("""
                insert into catalogue_item (hsds_type, id, source_system, source_id, parent_id, ref_id, business_id,
                    name, search_text, body, content_hash, modified_at, synced_at)
                values (:type, :id, :system, :sourceId, :parentId, :refId, :businessId,
                    :name, :searchText, :body, :hash, :modified, :synced)
                """, items.stream().map(i -> row(i, syncedAt)).toArray(SqlParameterSource[]::new));
        List<SqlParameterSource> facets = new ArrayList<>();
        for (CatalogueItem item : items) {
            for (CatalogueItem.Facet facet : item.facets()) {
                facets.add(new MapSqlParameterSource()
                        .addValue("type", item.type().column())
                        .addValue("id", item.id())
                        .addValue("facet", facet.facet())
                        .addValue("value", facet.value()));
            }
        }
        if (!facets.isEmpty()) {
            batch.batchUpdate("""
                    insert into catalogue_item_facet (hsds_type, item_id, facet, facet_value)
                    values (:type, :id, :facet, :value)
                    """, facets.toArray(SqlParameterSource[]::new));
        }
    }

    @Transactional
    void delete(HsdsType type, Collection<UUID> ids) {
        deleteRows(type, List.copyOf(ids));
    }

    private void deleteRows(HsdsType type, List<UUID> ids) {
        for (List<UUID> chunk : chunks(ids)) {
            jdbc.sql("delete from catalogue_item where hsds_type = :type and id in (:ids)")
                    .param("type", type.column())
                    .param("ids", chunk)
                    .update();
        }
    }

    private static SqlParameterSource row(CatalogueItem item, Instant syncedAt) {
        return new MapSqlParameterSource()
                .addValue("type", item.type().column())
                .addValue("id", item.id())
                .addValue("system", item.sourceSystem())
                .addValue("sourceId", item.sourceId())
                .addValue("parentId", item.parentId())
                .addValue("refId", item.refId())
                .addValue("businessId", item.businessId())
                .addValue("name", item.name())
                .addValue("searchText", item.searchText())
                .addValue("body", item.body())
                .addValue("hash", item.contentHash())
                .addValue("modified", Timestamp.from(item.modified()))
                .addValue("synced", Timestamp.from(syncedAt));
    }

    private static <T> List<List<T>> chunks(Collection<T> values) {
        return Chunks.of(values, IN_CHUNK);
    }
}
