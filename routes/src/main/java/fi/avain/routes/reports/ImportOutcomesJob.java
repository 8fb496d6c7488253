package fi.avain.routes.reports;

import fi.avain.mappings.reports.FileLine;
import fi.avain.mappings.reports.OutcomeFiles;
import fi.avain.mappings.reports.OutcomeRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** {@code ./avain job import-outcomes --file=<path> [--tenant=]}: outcome measurements (docs/formats/outcomes.md). */
@Component
class ImportOutcomesJob extends FileImportJob<OutcomeRecord> {
    private final OutcomeImport outcomes;

    ImportOutcomesJob(OutcomeImport outcomes, TenantCatalog tenants, ReportingPseudonyms pseudonyms,
                      ReportClock clock) {
        super(tenants, pseudonyms, clock);
        this.outcomes = outcomes;
    }

    @Override
    public String name() {
        return "import-outcomes";
    }

    @Override
    void read(Path file, LocalDate today, Consumer<FileLine<OutcomeRecord>> sink) {
        OutcomeFiles.read(file, today, sink);
    }

    @Override
    LineResult importLine(String tenant, String file, FileLine<OutcomeRecord> line) {
        return outcomes.importLine(tenant, file, line);
    }
}
