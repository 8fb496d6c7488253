package fi.avain.routes.reports;

import fi.avain.mappings.reports.OutcomeRecord;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Outcome measurements into {@code outcome_measurement}, from files and from the API alike: checked
 * against the tenant's instrument (known, every dimension scored, each on the scale), kept once per
 * client, instrument and day. A second measurement of the same day replaces the first.
 */
@Component
class OutcomeMeasurements {
    private final ReportImportQueries queries;
    private final TenantCatalog tenants;
    private final ReportClock clock;

    OutcomeMeasurements(ReportImportQueries queries, TenantCatalog tenants, ReportClock clock) {
        this.queries = queries;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** What was kept: the row, whether it is new, whether anything changed, and the client's pseudonym. */
    record Applied(UUID id, boolean created, boolean changed, String pseudonym, BigDecimal score) {
    }

    /**
     * The instrument the record names, its scores checked; refusals name the score as {@code scorePrefix}
     * plus the dimension ({@code mental} in a file, {@code scores.mental} in JSON).
     */
    Instrument instrument(String tenant, OutcomeRecord record, String scorePrefix) {
        Tenant t = tenants.tenant(tenant).orElseThrow(() -> new ReportRefusal("instrument",
                "the tenant " + tenant + " has no instruments (no tenant file)"));
        Instrument instrument = t.instrument(record.instrument()).orElseThrow(() -> new ReportRefusal("instrument",
                "is not one of the tenant's instruments ("
                        + t.instruments().stream().map(Instrument::code).collect(Collectors.joining(", ")) + ")"));
        instrument.check(record.scores()).ifPresent(problem -> {
            throw new ReportRefusal(scorePrefix + problem.dimension(), problem.rule());
        });
        return instrument;
    }

    /** Writes the measurement; call inside a transaction, after {@link #instrument} has passed it. */
    Applied apply(String tenant, String pseudonym, Instrument instrument, OutcomeRecord r, UUID messageId) {
        String scores = scoresJson(instrument, r);
        BigDecimal score = instrument.mean(r.scores());
        Optional<ReportImportQueries.Measurement> kept = queries.measurement(tenant, pseudonym, r.instrument(),
                r.date());
        if (kept.isEmpty()) {
            UUID id = queries.insertMeasurement(tenant, pseudonym, r.instrument(), r.date(), scores, score, r.goal(),
                    messageId, clock.now());
            return new Applied(id, true, true, pseudonym, score);
        }
        ReportImportQueries.Measurement m = kept.get();
        if (m.same(scores, r.goal())) {
            return new Applied(m.id(), false, false, pseudonym, m.score());
        }
        queries.updateMeasurement(m.id(), scores, score, r.goal(), messageId);
        return new Applied(m.id(), false, true, pseudonym, score);
    }

    /** {"physical":7,"mental":6.5,...} in the instrument's order: the same scores always give the same text. */
    static String scoresJson(Instrument instrument, OutcomeRecord r) {
        return instrument.dimensions().stream()
                .map(d -> "\"" + d + "\":" + r.scores().get(d).stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
