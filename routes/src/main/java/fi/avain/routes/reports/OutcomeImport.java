package fi.avain.routes.reports;

import fi.avain.mappings.reports.FileLine;
import fi.avain.mappings.reports.OutcomeFiles;
import fi.avain.mappings.reports.OutcomeRecord;
import fi.avain.routes.messages.MessageReplayer;
import fi.avain.routes.messages.ReplayOutcome;
import fi.avain.routes.messages.StoredMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Outcomes file lines into the follow-up (docs/formats/outcomes.md), each checked against the tenant's
 * instrument; a refused line changes nothing and waits in the error store.
 */
@Component
public class OutcomeImport implements MessageReplayer {
    public static final String FLOW = "outcome-import";

    private final LineImport lines;
    private final OutcomeMeasurements measurements;

    OutcomeImport(LineImport lines, OutcomeMeasurements measurements) {
        this.lines = lines;
        this.measurements = measurements;
    }

    LineResult importLine(String tenant, String file, FileLine<OutcomeRecord> line) {
        Map<String, String> keys = new HashMap<>();
        keys.put("instrument", line.valid() ? line.record().instrument() : null);
        return lines.importLine(FLOW, tenant, file, line, keys, this::apply);
    }

    private boolean apply(String tenant, String pseudonym, OutcomeRecord record, UUID messageId, int lineNo) {
        Instrument instrument = measurements.instrument(tenant, record, "");
        return measurements.apply(tenant, pseudonym, instrument, record, messageId).changed();
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public ReplayOutcome replay(StoredMessage message) {
        return lines.replay(message, OutcomeFiles::read, this::apply);
    }
}
