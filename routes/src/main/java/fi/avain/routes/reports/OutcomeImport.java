package fi.avain.routes.reports;

import fi.avain.mappings.reports.FileLine;
import fi.avain.mappings.reports.OutcomeFiles;
import fi.avain.mappings.reports.OutcomeRecord;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageReplayer;
import fi.avain.routes.messages.MessageStatus;
import fi.avain.routes.messages.MessageStore;
import fi.avain.routes.messages.ReplayOutcome;
import fi.avain.routes.messages.StoredMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outcomes file lines into the follow-up (docs/formats/outcomes.md), each kept in the message store with
 * its outcome in the same transaction as its measurement; a refused line waits in the error store.
 */
@Component
public class OutcomeImport implements MessageReplayer {
    public static final String FLOW = "outcome-import";

    private final OutcomeMeasurements measurements;
    private final MessageStore messages;
    private final TransactionTemplate tx;
    private final ReportClock clock;

    OutcomeImport(OutcomeMeasurements measurements, MessageStore messages, TransactionTemplate tx, ReportClock clock) {
        this.measurements = measurements;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
    }

    LineResult importLine(String tenant, String file, FileLine<OutcomeRecord> line) {
        String pseudonym = line.client() == null ? null : measurements.pseudonym(tenant, line.client());
        Map<String, String> keys = new HashMap<>();
        keys.put("file", file);
        keys.put("line", String.valueOf(line.lineNumber()));
        keys.put("pseudonym", pseudonym);
        keys.put("instrument", line.valid() ? line.record().instrument() : null);
        InboundMessage message = new InboundMessage(FLOW, file + ":line:" + line.lineNumber(), tenant, keys,
                CostImport.CONTENT_TYPE, line.asFile().getBytes(StandardCharsets.UTF_8));
        UUID id = UUID.randomUUID();
        if (!line.valid()) {
            messages.record(id, message, MessageStatus.ERROR, "line " + line.lineNumber() + ": " + line.error());
            return LineResult.ERROR;
        }
        try {
            Instrument instrument = measurements.instrument(tenant, line.record(), "");
            for (int attempt = 1; ; attempt++) {
                try {
                    Boolean changed = tx.execute(status -> {
                        boolean c = measurements.apply(tenant, pseudonym, instrument, line.record(), id).changed();
                        messages.record(id, message, c ? MessageStatus.PROCESSED : MessageStatus.DUPLICATE, null);
                        return c;
                    });
                    return Boolean.TRUE.equals(changed) ? LineResult.IMPORTED : LineResult.UNCHANGED;
                } catch (DuplicateKeyException e) {
                    if (attempt == 2) {
                        throw e;
                    }
                }
            }
        } catch (ReportRefusal e) {
            messages.record(id, message, MessageStatus.ERROR, "line " + line.lineNumber() + ": " + e.getMessage());
            return LineResult.ERROR;
        }
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public ReplayOutcome replay(StoredMessage message) {
        List<FileLine<OutcomeRecord>> lines = new ArrayList<>();
        try {
            OutcomeFiles.read(new ByteArrayInputStream(message.body()), clock.today(), lines::add);
        } catch (IOException | RuntimeException e) {
            return ReplayOutcome.failed("the stored line cannot be read: " + e.getMessage());
        }
        if (lines.size() != 1) {
            return ReplayOutcome.failed("the stored body holds " + lines.size() + " lines, not one");
        }
        FileLine<OutcomeRecord> line = lines.get(0);
        int lineNo = CostImport.lineNumber(message, line);
        if (!line.valid()) {
            return ReplayOutcome.failed("line " + lineNo + ": " + line.error());
        }
        try {
            String pseudonym = measurements.pseudonym(message.tenant(), line.record().client());
            Instrument instrument = measurements.instrument(message.tenant(), line.record(), "");
            Boolean changed = tx.execute(status -> measurements.apply(message.tenant(), pseudonym, instrument,
                    line.record(), message.id()).changed());
            return Boolean.TRUE.equals(changed) ? ReplayOutcome.processed() : ReplayOutcome.duplicate();
        } catch (ReportRefusal | ReportingPseudonyms.NoReportingKeyException e) {
            return ReplayOutcome.failed("line " + lineNo + ": " + e.getMessage());
        }
    }
}
