package fi.avain.routes.reports;

import fi.avain.mappings.reports.CostFiles;
import fi.avain.mappings.reports.CostRecord;
import fi.avain.mappings.reports.FileLine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** {@code ./avain job import-costs --file=<path> [--tenant=]}: a finance system's costs (docs/formats/costs.md). */
@Component
class ImportCostsJob extends FileImportJob<CostRecord> {
    private final CostImport costs;

    ImportCostsJob(CostImport costs, TenantCatalog tenants, ReportingPseudonyms pseudonyms, ReportClock clock) {
        super(tenants, pseudonyms, clock);
        this.costs = costs;
    }

    @Override
    public String name() {
        return "import-costs";
    }

    @Override
    void read(Path file, LocalDate today, Consumer<FileLine<CostRecord>> sink) {
        CostFiles.read(file, today, sink);
    }

    @Override
    LineResult importLine(String tenant, String file, FileLine<CostRecord> line) {
        return costs.importLine(tenant, file, line);
    }
}
