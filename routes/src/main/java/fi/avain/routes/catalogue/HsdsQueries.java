package fi.avain.routes.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of the catalogue copy for the HSDS API. Filters are bound parameters, never pasted text. */
@Component
class HsdsQueries {
    record Filter(String municipality, String serviceClass, String fundingMode, String text) {
    }

    record Page(long totalItems, List<String> bodies) {
    }

    private final JdbcClient jdbc;

    HsdsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> body(HsdsType type, UUID id) {
        return jdbc.sql("select body from catalogue_item where hsds_type = :type and id = :id")
                .param("type", type.column())
                .param("id", id)
                .query(String.class)
                .optional();
    }

    Page page(HsdsType type, Filter filter, int page, int perPage) {
        List<String> conditions = new ArrayList<>();
        conditions.add("i.hsds_type = :type");
        if (filter.municipality() != null) {
            conditions.add("""
                    exists (select 1 from catalogue_item_facet f where f.hsds_type = i.hsds_type and f.item_id = i.id
                            and f.facet = 'municipality' and f.facet_value in (:municipality, '*'))""");
        }
        if (filter.serviceClass() != null) {
            // A class filter matches its subclasses too: P4 finds P4.1 and P4.1.2.
            conditions.add("""
                    exists (select 1 from catalogue_item_facet f where f.hsds_type = i.hsds_type and f.item_id = i.id
                            and f.facet = 'service_class' and (f.facet_value = :serviceClass or f.facet_value like :serviceClassPrefix escape '\\'))""");
        }
        if (filter.fundingMode() != null) {
            conditions.add("""
                    exists (select 1 from catalogue_item_facet f where f.hsds_type = i.hsds_type and f.item_id = i.id
                            and f.facet = 'funding_mode' and f.facet_value = :fundingMode)""");
        }
        if (filter.text() != null) {
            conditions.add("i.search_text like :text escape '\\'");
        }
        String where = String.join(" and ", conditions);
        var count = jdbc.sql("select count(*) from catalogue_item i where " + where);
        var select = jdbc.sql("select i.body from catalogue_item i where " + where
                + " order by i.name, i.id limit :limit offset :offset");
        for (var statement : List.of(count, select)) {
            statement.param("type", type.column());
            if (filter.municipality() != null) {
                statement.param("municipality", filter.municipality());
            }
            if (filter.serviceClass() != null) {
                statement.param("serviceClass", filter.serviceClass());
                statement.param("serviceClassPrefix", escapeLike(filter.serviceClass()) + ".%");
            }
            if (filter.fundingMode() != null) {
                statement.param("fundingMode", filter.fundingMode());
            }
            if (filter.text() != null) {
                statement.param("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
            }
        }
        long total = count.query(Long.class).single();
        List<String> bodies = select.param("limit", perPage).param("offset", (long) (page - 1) * perPage)
                .query(String.class).list();
        return new Page(total, bodies);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
