package fi.avain.routes.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import fi.avain.mappings.model.FundingMode;
import java.io.IOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The service-gap report's reads: the open lines of the plans in force, the unmet-need marks, and the
 * catalogue copy's services with what a budget could pay them through. Large reads stream (the caller
 * runs them in a transaction, where PostgreSQL honours the fetch size).
 */
@Component
class ServiceGapQueries {
    private static final int FETCH_SIZE = 1000;
    private static final JsonFactory JSON = new JsonFactory();

    private final JdbcTemplate jdbc;

    ServiceGapQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /**
     * Lines that name a service class and can still be spent: a line a re-plan closed has no channels; a
     * plan or line whose period ended before {@code today} is history. Plans starting later count: their
     * needs are decided.
     */
    List<ServiceGaps.NeedLine> openLines(LocalDate today) {
        List<ServiceGaps.NeedLine> lines = new ArrayList<>();
        jdbc.query("""
                select b.tenant, b.client_id, c.home_municipality, l.service_classes, l.channels
                from budget_line l
                join budget b on b.id = l.budget_id
                join client c on c.id = b.client_id
                where l.channels <> '' and l.service_classes <> ''
                  and l.period_end >= ? and b.period_end >= ?
                """, rs -> {
            lines.add(new ServiceGaps.NeedLine(rs.getString("tenant"), rs.getString("client_id"),
                    rs.getString("home_municipality"), words(rs.getString("service_classes")),
                    words(rs.getString("channels"))));
        }, Date.valueOf(today), Date.valueOf(today));
        return lines;
    }

    /** Marks on budgets still in force; a mark without a municipality takes the client's home municipality. */
    List<ServiceGaps.UnmetMark> unmetMarks(LocalDate today) {
        return jdbc.query("""
                select u.tenant, u.pseudonym, coalesce(u.municipality, c.home_municipality) as municipality,
                       u.service_class
                from unmet_need u
                join budget b on b.id = u.budget_id
                join client c on c.id = b.client_id
                where b.period_end >= ?
                """, (rs, n) -> new ServiceGaps.UnmetMark(rs.getString("tenant"), rs.getString("pseudonym"),
                rs.getString("municipality"), rs.getString("service_class")), Date.valueOf(today));
    }

    /** Every service of the copy that some budget channel could pay for, with its classes, area and provider. */
    ServiceSupply supply() {
        Map<UUID, Facets> facets = new HashMap<>();
        jdbc.query("""
                select f.item_id, f.facet, f.facet_value
                from catalogue_item_facet f
                where f.hsds_type = 'service'
                  and exists (select 1 from catalogue_item_facet m
                              where m.hsds_type = 'service' and m.item_id = f.item_id
                                and m.facet = 'funding_mode' and m.facet_value in ('voucher', 'personal_budget', 'self_paid'))
                """, rs -> {
            Facets of = facets.computeIfAbsent(rs.getObject("item_id", UUID.class), id -> new Facets());
            String value = rs.getString("facet_value");
            switch (rs.getString("facet")) {
                case "service_class" -> of.classes.add(ServiceClasses.key(value));
                case "municipality" -> of.municipalities.add(value);
                case "funding_mode" -> BudgetFunding.mode(value).ifPresent(of.modes::add);
                default -> { }
            }
        });
        ServiceSupply supply = new ServiceSupply();
        if (facets.isEmpty()) {
            return supply;
        }
        jdbc.query("select id, body from catalogue_item where hsds_type = 'service'", rs -> {
            UUID id = rs.getObject("id", UUID.class);
            Facets of = facets.remove(id);
            if (of == null || of.classes.isEmpty() || of.municipalities.isEmpty()) {
                return;
            }
            Body body = body(rs.getString("body"));
            if (body.active()) {
                supply.add(new ServiceSupply.Offer(body.organizationId() == null ? "service:" + id
                        : body.organizationId(), of.modes, of.classes, of.municipalities));
            }
        });
        return supply;
    }

    private static final class Facets {
        final Set<String> classes = new HashSet<>();
        final Set<String> municipalities = new HashSet<>();
        final EnumSet<FundingMode> modes = EnumSet.noneOf(FundingMode.class);
    }

    record Body(String organizationId, boolean active) {
    }

    /** Only the two top-level fields the report needs, without building the whole tree of a large body. */
    static Body body(String json) {
        String organization = null;
        String status = null;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Body(null, false);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME && (organization == null || status == null)) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("organization_id".equals(field) && value == JsonToken.VALUE_STRING) {
                    organization = parser.getText();
                } else if ("status".equals(field) && value == JsonToken.VALUE_STRING) {
                    status = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("a service in the catalogue copy is not JSON", e);
        }
        return new Body(organization, !"inactive".equals(status));
    }

    private static Set<String> words(String text) {
        return text == null || text.isBlank() ? Set.of()
                : Arrays.stream(text.strip().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }
}
