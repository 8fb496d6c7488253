package fi.avain.routes.reports;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where reports go ({@code <avain.data-dir>/reports}) and the smallest group shown
 * ({@code avain.reports.min-group-size}, 5): groups with fewer clients are suppressed.
 */
@Component
class CostReportSettings {
    private final Path reportsDir;
    private final int minGroupSize;

    CostReportSettings(@Value("${avain.data-dir:./data}") Path dataDir,
                       @Value("${avain.reports.min-group-size:5}") int minGroupSize) {
        if (minGroupSize < 1) {
            throw new IllegalStateException("avain.reports.min-group-size must be 1 or more, not " + minGroupSize);
        }
        this.reportsDir = dataDir.resolve("reports");
        this.minGroupSize = minGroupSize;
    }

    Path reportsDir() {
        return reportsDir;
    }

    /** A period's directory: {@code <reports>/<YYYY-MM>}. */
    Path dir(ReportPeriod period) {
        return reportsDir.resolve(period.toString());
    }

    int minGroupSize() {
        return minGroupSize;
    }
}
