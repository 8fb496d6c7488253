package fi.avain.routes.reports;

import fi.avain.mappings.reports.ClientRef;
import fi.avain.mappings.reports.CostFiles;
import fi.avain.mappings.reports.CostRecord;
import fi.avain.mappings.reports.FileLine;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageReplayer;
import fi.avain.routes.messages.MessageStatus;
import fi.avain.routes.messages.MessageStore;
import fi.avain.routes.messages.ReplayOutcome;
import fi.avain.routes.messages.StoredMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Costs file lines into the follow-up (docs/formats/costs.md): each line kept in the message store with
 * its outcome, written in the same transaction as its cost row. The identity code becomes the tenant's
 * reporting pseudonym before anything is written; the code itself stays only in the stored line,
 * encrypted. A line that is refused changes nothing and waits in the error store with its reason.
 */
@Component
public class CostImport implements MessageReplayer {
    public static final String FLOW = "cost-import";
    static final String CONTENT_TYPE = "text/csv";

    private final ReportImportQueries queries;
    private final ReportingPseudonyms pseudonyms;
    private final TenantCatalog tenants;
    private final MessageStore messages;
    private final TransactionTemplate tx;
    private final ReportClock clock;

    CostImport(ReportImportQueries queries, ReportingPseudonyms pseudonyms, TenantCatalog tenants,
               MessageStore messages, TransactionTemplate tx, ReportClock clock) {
        this.queries = queries;
        this.pseudonyms = pseudonyms;
        this.tenants = tenants;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
    }

    /** Stores the line and applies it, or keeps it in the error store with {@code line <n>: <reason>}. */
    LineResult importLine(String tenant, String file, FileLine<CostRecord> line) {
        String pseudonym = line.client() == null ? null : pseudonym(tenant, line.client());
        Map<String, String> keys = new HashMap<>();
        keys.put("file", file);
        keys.put("line", String.valueOf(line.lineNumber()));
        keys.put("pseudonym", pseudonym);
        InboundMessage message = new InboundMessage(FLOW, file + ":line:" + line.lineNumber(), tenant, keys,
                CONTENT_TYPE, line.asFile().getBytes(StandardCharsets.UTF_8));
        UUID id = UUID.randomUUID();
        if (!line.valid()) {
            messages.record(id, message, MessageStatus.ERROR, "line " + line.lineNumber() + ": " + line.error());
            return LineResult.ERROR;
        }
        try {
            boolean changed = applyOnce(tenant, pseudonym, line.record(), id, line.lineNumber(), message);
            return changed ? LineResult.IMPORTED : LineResult.UNCHANGED;
        } catch (ReportRefusal e) {
            messages.record(id, message, MessageStatus.ERROR, "line " + line.lineNumber() + ": " + e.getMessage());
            return LineResult.ERROR;
        }
    }

    /** Applies and records in one transaction; a row another import inserted meanwhile makes it try once more. */
    private boolean applyOnce(String tenant, String pseudonym, CostRecord record, UUID id, int lineNo,
                              InboundMessage message) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Boolean.TRUE.equals(tx.execute(status -> {
                    boolean changed = apply(tenant, pseudonym, record, id, lineNo);
                    messages.record(id, message, changed ? MessageStatus.PROCESSED : MessageStatus.DUPLICATE, null);
                    return changed;
                }));
            } catch (DuplicateKeyException e) {
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    /** Writes the member and the cost; true when anything changed. Call inside a transaction. */
    private boolean apply(String tenant, String pseudonym, CostRecord r, UUID messageId, int lineNo) {
        checkGroup(tenant, r.clientGroup());
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

    private void checkGroup(String tenant, String group) {
        tenants.tenant(tenant).ifPresent(t -> {
            if (t.clientGroup(group).isEmpty()) {
                throw new ReportRefusal("client_group", "is not one of the tenant's client groups ("
                        + t.clientGroups().stream().map(ClientGroup::code).collect(Collectors.joining(", ")) + ")");
            }
        });
    }

    private String pseudonym(String tenant, ClientRef client) {
        return client instanceof ClientRef.IdentityCode code ? pseudonyms.of(tenant, code.hetu())
                : ((ClientRef.Pseudonym) client).value();
    }

    @Override
    public String flow() {
        return FLOW;
    }

    /** A stored line applied again, as its file would have been: the cost's key keeps it from counting twice. */
    @Override
    public ReplayOutcome replay(StoredMessage message) {
        List<FileLine<CostRecord>> lines = new ArrayList<>();
        try {
            CostFiles.read(new ByteArrayInputStream(message.body()), clock.today(), lines::add);
        } catch (IOException | RuntimeException e) {
            return ReplayOutcome.failed("the stored line cannot be read: " + e.getMessage());
        }
        if (lines.size() != 1) {
            return ReplayOutcome.failed("the stored body holds " + lines.size() + " lines, not one");
        }
        FileLine<CostRecord> line = lines.get(0);
        int lineNo = lineNumber(message, line);
        if (!line.valid()) {
            return ReplayOutcome.failed("line " + lineNo + ": " + line.error());
        }
        try {
            String pseudonym = pseudonym(message.tenant(), line.record().client());
            Boolean changed = tx.execute(status -> apply(message.tenant(), pseudonym, line.record(), message.id(),
                    lineNo));
            return Boolean.TRUE.equals(changed) ? ReplayOutcome.processed() : ReplayOutcome.duplicate();
        } catch (ReportRefusal | ReportingPseudonyms.NoReportingKeyException e) {
            return ReplayOutcome.failed("line " + lineNo + ": " + e.getMessage());
        }
    }

    static int lineNumber(StoredMessage message, FileLine<?> line) {
        try {
            return Integer.parseInt(message.keys().getOrDefault("line", ""));
        } catch (NumberFormatException e) {
            return line.lineNumber();
        }
    }
}
