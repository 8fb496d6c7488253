package fi.avain.routes.reports;

import fi.avain.mappings.MappingException;
import fi.avain.mappings.reports.OutcomeJson;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageReplayer;
import fi.avain.routes.messages.MessageStatus;
import fi.avain.routes.messages.MessageStore;
import fi.avain.routes.messages.ReplayOutcome;
import fi.avain.routes.messages.StoredMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outcome measurements sent to {@code POST /api/v1/outcomes}: stored in the message store, then checked
 * and kept with the message settled in the same transaction. A measurement refused is kept in the
 * error store with its reason, and the refusal is thrown on for the answer.
 */
@Component
public class OutcomeIntake implements MessageReplayer {
    public static final String FLOW = "outcomes";
    private static final String CONTENT_TYPE = "application/json";

    private final OutcomeMeasurements measurements;
    private final ReportingPseudonyms pseudonyms;
    private final MessageStore messages;
    private final TransactionTemplate tx;
    private final ReportClock clock;

    OutcomeIntake(OutcomeMeasurements measurements, ReportingPseudonyms pseudonyms, MessageStore messages,
                  TransactionTemplate tx, ReportClock clock) {
        this.measurements = measurements;
        this.pseudonyms = pseudonyms;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
    }

    record Received(UUID messageId, String tenant, OutcomeJson.Submission submission,
                    OutcomeMeasurements.Applied applied) {
    }

    /**
     * Throws {@link MappingException} or {@link ReportRefusal} for bad input and
     * {@link ReportingPseudonyms.NoReportingKeyException} when the tenant has no key, each after keeping
     * the message in error.
     */
    Received receive(byte[] body) {
        OutcomeJson.Submission submission;
        try {
            submission = OutcomeJson.read(body, clock.today());
        } catch (MappingException e) {
            refuse(new InboundMessage(FLOW, "unreadable-outcome", null, Map.of(), CONTENT_TYPE, body), e);
            throw e;
        }
        String tenant = submission.tenant();
        Map<String, String> keys = new HashMap<>();
        keys.put("instrument", submission.record().instrument());
        String pseudonym;
        try {
            pseudonym = pseudonyms.of(tenant, submission.record().client());
        } catch (ReportingPseudonyms.NoReportingKeyException e) {
            refuse(new InboundMessage(FLOW, tenant + ":no-key", tenant, keys, CONTENT_TYPE, body), e);
            throw e;
        }
        keys.put("pseudonym", pseudonym);
        InboundMessage message = new InboundMessage(FLOW, String.join(":", tenant, pseudonym,
                submission.record().instrument(), submission.record().date().toString()), tenant, keys, CONTENT_TYPE,
                body);
        Instrument instrument;
        try {
            instrument = measurements.instrument(tenant, submission.record(), "scores.");
        } catch (ReportRefusal e) {
            refuse(message, e);
            throw e;
        }
        UUID id = UUID.randomUUID();
        OutcomeMeasurements.Applied applied = LineImport.onceMoreOnDuplicateKey(() -> tx.execute(status -> {
            OutcomeMeasurements.Applied a = measurements.apply(tenant, pseudonym, instrument, submission.record(), id);
            messages.record(id, message, a.changed() ? MessageStatus.PROCESSED : MessageStatus.DUPLICATE, null);
            return a;
        }));
        return new Received(id, tenant, submission, applied);
    }

    private void refuse(InboundMessage message, RuntimeException e) {
        messages.record(UUID.randomUUID(), message, MessageStatus.ERROR, e.getMessage());
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public ReplayOutcome replay(StoredMessage message) {
        try {
            OutcomeJson.Submission submission = OutcomeJson.read(message.body(), clock.today());
            String tenant = submission.tenant();
            String pseudonym = pseudonyms.of(tenant, submission.record().client());
            Instrument instrument = measurements.instrument(tenant, submission.record(), "scores.");
            Boolean changed = tx.execute(status -> measurements.apply(tenant, pseudonym, instrument,
                    submission.record(), message.id()).changed());
            return Boolean.TRUE.equals(changed) ? ReplayOutcome.processed() : ReplayOutcome.duplicate();
        } catch (MappingException | ReportRefusal | ReportingPseudonyms.NoReportingKeyException e) {
            return ReplayOutcome.failed(e.getMessage());
        }
    }
}
