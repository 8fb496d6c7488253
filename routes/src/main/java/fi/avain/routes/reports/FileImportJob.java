package fi.avain.routes.reports;

import fi.avain.mappings.MappingException;
import fi.avain.mappings.reports.FileLine;
import fi.avain.routes.jobs.Job;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobSummary;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code ./avain job import-costs|import-outcomes --file=<path> [--tenant=<code>]}: every line of the file
 * stored and applied, or kept in the error store with its line number and reason while the rest goes
 * in. Run again, the same file changes nothing ({@code unchanged}). Exit code 1 when any line was
 * refused, 2 when the file (or its header) cannot be read or the tenant has no reporting key.
 */
abstract class FileImportJob<T> implements Job {
    private final TenantCatalog tenants;
    private final ReportingPseudonyms pseudonyms;
    private final ReportClock clock;

    FileImportJob(TenantCatalog tenants, ReportingPseudonyms pseudonyms, ReportClock clock) {
        this.tenants = tenants;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** Hands the file's lines to the sink; throws {@link MappingException} for a bad header. */
    abstract void read(Path file, LocalDate today, Consumer<FileLine<T>> sink);

    abstract LineResult importLine(String tenant, String file, FileLine<T> line);

    @Override
    public Set<String> options() {
        return Set.of("file", "tenant");
    }

    @Override
    public JobSummary run(Map<String, String> options, JobProgress progress) {
        long started = System.nanoTime();
        String fileOption = options.get("file");
        if (fileOption == null || fileOption.isBlank()) {
            return JobSummary.optionRefused(name(), "give the file: --file=<path>", elapsed(started));
        }
        Path file;
        try {
            file = Path.of(fileOption);
        } catch (InvalidPathException e) {
            return JobSummary.optionRefused(name(), "--file is not a path", elapsed(started));
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return JobSummary.optionRefused(name(), "no readable file " + file, elapsed(started));
        }
        String tenant = options.get("tenant");
        if (tenant == null || tenant.isBlank()) {
            List<Tenant> all = tenants.all();
            if (all.size() != 1) {
                return JobSummary.optionRefused(name(), "give the tenant: --tenant=<code> (tenant files: "
                        + String.join(", ", all.stream().map(Tenant::code).toList()) + ")", elapsed(started));
            }
            tenant = all.get(0).code();
        }
        try {
            if (!pseudonyms.hasKey(tenant)) {
                return JobSummary.failed(name(), new ReportingPseudonyms.NoReportingKeyException(tenant).getMessage(),
                        elapsed(started));
            }
        } catch (IllegalStateException e) {
            return JobSummary.failed(name(), e.getMessage(), elapsed(started));
        }
        String name = file.getFileName().toString();
        String forTenant = tenant;
        Map<LineResult, Long> counts = new LinkedHashMap<>();
        long[] lines = {0};
        try {
            read(file, clock.today(), line -> {
                counts.merge(importLine(forTenant, name, line), 1L, Long::sum);
                progress.update("importing " + name, ++lines[0], -1);
            });
        } catch (MappingException e) {
            return JobSummary.failed(name(), "cannot read " + name + ": " + e.getMessage(), elapsed(started));
        } catch (UncheckedIOException e) {
            return JobSummary.failed(name(), "cannot read " + name + ": " + e.getCause(), elapsed(started));
        }
        long errors = counts.getOrDefault(LineResult.ERROR, 0L);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tenant", tenant);
        summary.put("lines", lines[0]);
        summary.put("imported", counts.getOrDefault(LineResult.IMPORTED, 0L));
        summary.put("unchanged", counts.getOrDefault(LineResult.UNCHANGED, 0L));
        summary.put("errors", errors);
        return new JobSummary(name(), errors > 0 ? JobSummary.Status.DONE_WITH_ERRORS : JobSummary.Status.DONE,
                summary, elapsed(started), null);
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
