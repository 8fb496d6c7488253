package fi.avain.routes.card;

import fi.avain.budget.ClearingOutcome;
import fi.avain.mappings.card.ClearingFiles;
import fi.avain.mappings.card.ClearingLine;
import fi.avain.routes.jobs.Job;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobSummary;
import fi.avain.routes.messages.InboundMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ./avain job card-clearing [--file=] [--processor=generic|stripe]}: applies clearing files
 * (CSV or JSON lines, docs/formats/card-clearing.md) from {@code avain.connectors.card.clearing-dir},
 * or the one file given, each record once; moves each finished file to {@code processed/} beside it;
 * then releases holds past their expiry. Killed halfway and run again, it applies each record exactly
 * once: the processor's record id is the key, written with the effect.
 */
@Component
class CardClearingJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(CardClearingJob.class);
    private static final String PROCESSED = "processed";

    private final CardClearing clearing;
    private final CardConnectorSettings settings;

    CardClearingJob(CardClearing clearing, CardConnectorSettings settings) {
        this.clearing = clearing;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "card-clearing";
    }

    @Override
    public Set<String> options() {
        return Set.of("file", "processor");
    }

    @Override
    public JobSummary run(Map<String, String> options, JobProgress progress) {
        long started = System.nanoTime();
        String processor = options.getOrDefault("processor", "generic").toLowerCase(Locale.ROOT);
        if (!processor.equals("generic") && !processor.equals("stripe")) {
            return JobSummary.optionRefused(name(), "--processor must be generic or stripe", elapsed(started));
        }
        List<Path> files;
        boolean single = options.containsKey("file");
        try {
            files = single ? List.of(Path.of(options.get("file"))) : inbox();
        } catch (InvalidPathException e) {
            return JobSummary.optionRefused(name(), "--file is not a path", elapsed(started));
        } catch (IllegalStateException e) {
            return JobSummary.failed(name(), e.getMessage(), elapsed(started));
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                // Given, the caller's mistake; listed from the inbox, gone since: the server's state.
                return single ? JobSummary.optionRefused(name(), "no clearing file " + file, elapsed(started))
                        : JobSummary.failed(name(), "no clearing file " + file, elapsed(started));
            }
            if (!ClearingFiles.accepts(file.getFileName().toString())) {
                return JobSummary.optionRefused(name(), "--file must end in .csv, .jsonl or .ndjson",
                        elapsed(started));
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ClearingOutcome outcome : ClearingOutcome.values()) {
            counts.put(outcome.code(), 0L);
        }
        counts.put("invalid", 0L);
        counts.put("failed", 0L);
        long[] done = {0};
        for (Path file : files) {
            progress.update("clearing " + file.getFileName(), done[0], -1);
            String header = csvHeader(file);
            String contentType = ClearingFiles.isCsv(file.getFileName().toString()) ? ClearingReplay.CSV
                    : ClearingReplay.JSON_LINES;
            try {
                ClearingFiles.read(file, line -> {
                    String body = header == null ? line.raw() : header + "\n" + line.raw();
                    Map<String, String> keys = new HashMap<>();
                    keys.put("file", file.getFileName().toString());
                    keys.put("processor", processor);
                    if (line.record() != null) {
                        keys.put("authorizationId", line.record().authorizationId());
                        keys.put("cardId", line.record().cardId());
                    }
                    InboundMessage message = new InboundMessage(CardClearing.FLOW, line.sourceId(), null, keys,
                            contentType, body.getBytes(StandardCharsets.UTF_8));
                    if (!line.valid()) {
                        clearing.invalid(line, message);
                        counts.merge("invalid", 1L, Long::sum);
                    } else {
                        CardClearing.Result result = clearing.applyOne(processor, line.record(), message);
                        counts.merge(result.failed() ? "failed" : result.outcome().code(), 1L, Long::sum);
                    }
                    progress.update("clearing " + file.getFileName(), ++done[0], -1);
                });
            } catch (RuntimeException e) {
                return JobSummary.failed(name(), "cannot read " + file.getFileName() + ": " + e.getMessage(),
                        elapsed(started));
            }
            if (!single) {
                moveToProcessed(file);
            }
        }
        progress.update("expiring holds", done[0], -1);
        long[] expired = clearing.expireHolds();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", files.size());
        summary.put("records", done[0]);
        summary.putAll(counts);
        summary.put("holdsExpired", expired[0]);
        summary.put("releasedByExpiry", fi.avain.budget.Cents.format(expired[1]));
        long errors = counts.get("invalid") + counts.get("failed");
        return new JobSummary(name(), errors > 0 ? JobSummary.Status.DONE_WITH_ERRORS : JobSummary.Status.DONE,
                summary, elapsed(started), null);
    }

    private List<Path> inbox() {
        Path dir = settings.clearingDir();
        if (dir == null) {
            throw new IllegalStateException("avain.connectors.card.clearing-dir is not set; give --file=");
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(f -> ClearingFiles.accepts(f.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    private static String csvHeader(Path file) {
        if (!ClearingFiles.isCsv(file.getFileName().toString())) {
            return null;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first == null ? null : first.replace("\uFEFF", "");
        } catch (IOException e) {
            return null;
        }
    }

    private static void moveToProcessed(Path file) {
        try {
            Path target = file.resolveSibling(PROCESSED);
            Files.createDirectories(target);
            Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("clearing file {} applied but not moved to {}: {}", file.getFileName(), PROCESSED, e.toString());
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

}
