package fi.avain.routes.reports;

import fi.avain.mappings.reports.CostFiles;
import fi.avain.mappings.reports.CostRecord;
import fi.avain.mappings.reports.FileLine;
import fi.avain.routes.messages.MessageReplayer;
import fi.avain.routes.messages.ReplayOutcome;
import fi.avain.routes.messages.StoredMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Costs file lines into the follow-up (docs/formats/costs.md): a member of the HB or control cohort for
 * each client, from the earliest month, and a cost per client, service class, month and source. The
 * identity code becomes the tenant's reporting pseudonym before anything is written; the code itself
 * stays only in the stored line, encrypted. A refused line changes nothing.
 */
@Component
public class CostImport implements MessageReplayer {
    public static final String FLOW = "cost-import";

    private final LineImport lines;
    private final ReportImportQueries queries;
    private final ClientGroupRule groups;
    private final ReportClock clock;

    CostImport(LineImport lines, ReportImportQueries queries, ClientGroupRule groups, ReportClock clock) {
        this.lines = lines;
        this.queries = queries;
        this.groups = groups;
        this.clock = clock;
    }

    LineResult importLine(String tenant, String file, FileLine<CostRecord> line) {
        return lines.importLine(FLOW, tenant, file, line, Map.of(), this::apply);
    }

    /** Writes the member and the cost; true when anything changed. */
    private boolean apply(String tenant, String pseudonym, CostRecord r, UUID messageId, int lineNo) {
        groups.refusal(tenant, r.clientGroup()).ifPresent(rule -> {
            throw new ReportRefusal("client_group", rule);
        });
        Instant now = clock.now();
        LocalDate month = r.period().atDay(1);
        String cohort = r.cohort().name();
        boolean changed = false;
        Optional<ReportImportQueries.Member> member = queries.member(tenant, pseudonym);
        if (member.isEmpty()) {
            queries.insertMember(tenant, pseudonym, r.clientGroup(), cohort, month, r.source(), now);
            changed = true;
        } else {
            ReportImportQueries.Member m = member.get();
            if (!m.cohort().equals(cohort)) {
                throw new ReportRefusal("cohort", "the client is in the " + m.cohort().toLowerCase(Locale.ROOT)
                        + " cohort already");
            }
            if (!m.clientGroup().equals(r.clientGroup())) {
                throw new ReportRefusal("client_group", "the client is in the group " + m.clientGroup() + " already");
            }
            if (month.isBefore(m.startDate())) {
                queries.startMemberEarlier(tenant, pseudonym, month, now);
                changed = true;
            }
        }
        long cents = r.cost().cents();
        Optional<ReportImportQueries.Cost> cost = queries.cost(tenant, pseudonym, r.serviceClass(), month, r.source());
        if (cost.isEmpty()) {
            queries.insertCost(tenant, pseudonym, r.serviceClass(), month, cents, r.source(), r.staffHours(),
                    r.assistantHours(), messageId, lineNo, now);
            return true;
        }
        if (!cost.get().same(cents, r.staffHours(), r.assistantHours())) {
            queries.updateCost(cost.get().id(), cents, r.staffHours(), r.assistantHours(), messageId, lineNo);
            return true;
        }
        return changed;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public ReplayOutcome replay(StoredMessage message) {
        return lines.replay(message, CostFiles::read, this::apply);
    }
}
