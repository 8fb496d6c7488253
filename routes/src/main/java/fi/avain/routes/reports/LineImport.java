package fi.avain.routes.reports;

import fi.avain.mappings.reports.FileLine;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageStatus;
import fi.avain.routes.messages.MessageStore;
import fi.avain.routes.messages.ReplayOutcome;
import fi.avain.routes.messages.StoredMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One line of an imported file through the message store, the same for costs and outcomes: stored with
 * its header (so it can be read again on its own), applied in the same transaction as its message is
 * settled, or kept in the error store as {@code line <n>: <reason>}. Keys name the file, the line and the
 * client's reporting pseudonym, never the identity code.
 */
@Component
class LineImport {
    static final String CONTENT_TYPE = "text/csv";

    /** Writes one record; true when anything changed. Runs in a transaction; a refusal rolls it back. */
    interface Applier<T> {
        boolean apply(String tenant, String pseudonym, T record, UUID messageId, int lineNo);
    }

    /** Reads a file's lines, as {@code CostFiles.read} and {@code OutcomeFiles.read} do. */
    interface Reader<T> {
        void read(InputStream in, LocalDate today, Consumer<FileLine<T>> sink) throws IOException;
    }

    private final MessageStore messages;
    private final ReportingPseudonyms pseudonyms;
    private final TransactionTemplate tx;
    private final ReportClock clock;

    LineImport(MessageStore messages, ReportingPseudonyms pseudonyms, TransactionTemplate tx, ReportClock clock) {
        this.messages = messages;
        this.pseudonyms = pseudonyms;
        this.tx = tx;
        this.clock = clock;
    }

    <T> LineResult importLine(String flow, String tenant, String file, FileLine<T> line, Map<String, String> moreKeys,
                              Applier<T> applier) {
        String pseudonym = line.client() == null ? null : pseudonyms.of(tenant, line.client());
        Map<String, String> keys = new HashMap<>(moreKeys);
        keys.put("file", file);
        keys.put("line", String.valueOf(line.lineNumber()));
        keys.put("pseudonym", pseudonym);
        InboundMessage message = new InboundMessage(flow, file + ":line:" + line.lineNumber(), tenant, keys,
                CONTENT_TYPE, line.asFile().getBytes(StandardCharsets.UTF_8));
        UUID id = UUID.randomUUID();
        if (!line.valid()) {
            messages.record(id, message, MessageStatus.ERROR, "line " + line.lineNumber() + ": " + line.error());
            return LineResult.ERROR;
        }
        try {
            boolean changed = onceMoreOnDuplicateKey(() -> Boolean.TRUE.equals(tx.execute(status -> {
                boolean c = applier.apply(tenant, pseudonym, line.record(), id, line.lineNumber());
                messages.record(id, message, c ? MessageStatus.PROCESSED : MessageStatus.DUPLICATE, null);
                return c;
            })));
            return changed ? LineResult.IMPORTED : LineResult.UNCHANGED;
        } catch (ReportRefusal e) {
            messages.record(id, message, MessageStatus.ERROR, "line " + line.lineNumber() + ": " + e.getMessage());
            return LineResult.ERROR;
        }
    }

    /** A stored line applied again, as its file would have been; its key keeps it from counting twice. */
    <T> ReplayOutcome replay(StoredMessage message, Reader<T> reader, Applier<T> applier) {
        List<FileLine<T>> lines = new ArrayList<>();
        try {
            reader.read(new ByteArrayInputStream(message.body()), clock.today(), lines::add);
        } catch (IOException | RuntimeException e) {
            return ReplayOutcome.failed("the stored line cannot be read: " + e.getMessage());
        }
        if (lines.size() != 1) {
            return ReplayOutcome.failed("the stored body holds " + lines.size() + " lines, not one");
        }
        FileLine<T> line = lines.get(0);
        int lineNo = lineNumber(message, line);
        if (!line.valid()) {
            return ReplayOutcome.failed("line " + lineNo + ": " + line.error());
        }
        try {
            String pseudonym = pseudonyms.of(message.tenant(), line.client());
            Boolean changed = tx.execute(status -> applier.apply(message.tenant(), pseudonym, line.record(),
                    message.id(), lineNo));
            return Boolean.TRUE.equals(changed) ? ReplayOutcome.processed() : ReplayOutcome.duplicate();
        } catch (ReportRefusal | ReportingPseudonyms.NoReportingKeyException e) {
            return ReplayOutcome.failed("line " + lineNo + ": " + e.getMessage());
        }
    }

    /**
     * Runs the transaction again once when another import (or call) inserted the same key meanwhile: the
     * second run finds that row and updates it or leaves it be.
     */
    static <T> T onceMoreOnDuplicateKey(Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (DuplicateKeyException e) {
            return transaction.get();
        }
    }

    private static int lineNumber(StoredMessage message, FileLine<?> line) {
        try {
            return Integer.parseInt(message.keys().getOrDefault("line", ""));
        } catch (NumberFormatException e) {
            return line.lineNumber();
        }
    }
}
