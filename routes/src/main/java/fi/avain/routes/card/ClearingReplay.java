package fi.avain.routes.card;

import fi.avain.mappings.MappingException;
import fi.avain.mappings.card.ClearingFiles;
import fi.avain.mappings.card.ClearingLine;
import fi.avain.mappings.card.ClearingRecord;
import fi.avain.routes.messages.StoredMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads one stored clearing-file record again: its body is the file's header (for CSV) and the line. */
final class ClearingReplay {
    static final String CSV = "text/csv";
    static final String JSON_LINES = "application/x-ndjson";

    private ClearingReplay() {
    }

    static ClearingRecord line(StoredMessage message) {
        String name = message.sourceId() + (message.contentType().contains("csv") ? ".csv" : ".jsonl");
        List<ClearingLine> lines = new ArrayList<>();
        try {
            ClearingFiles.read(name, new ByteArrayInputStream(message.body()), lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClearingLine line = lines.stream().findFirst()
                .orElseThrow(() -> new MappingException("record", "the stored line is empty"));
        if (!line.valid()) {
            throw new MappingException("record", line.error());
        }
        return line.record();
    }

    static String processorOf(StoredMessage message) {
        String processor = message.keys().get("processor");
        return processor == null ? "generic" : processor;
    }
}
