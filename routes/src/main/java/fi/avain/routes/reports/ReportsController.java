package fi.avain.routes.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.routes.web.Problems;
import fi.avain.routes.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators read the cost and impact report that {@code job cost-report} made. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "The cost and impact follow-up: datasets and the HTML report (operators)")
class ReportsController {
    /** The page itself may use only its own inline styles: no script, no outside resource of any kind. */
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'";
    private static final List<String> COHORTS = List.of("HB", "CONTROL", ReportPopulation.UNKNOWN_COHORT);

    private final CostReportFiles files;
    private final Clock clock;

    ReportsController(CostReportFiles files, ObjectProvider<Clock> clock) {
        this.files = files;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping(path = "/costs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A period's aggregates and, a page at a time, its rows (tenant × client pseudonym × client"
            + " group × cohort × service class × channel × month); page from 0, size 1 to 500, default 50",
            responses = {@ApiResponse(responseCode = "200", description = "the report"),
                @ApiResponse(responseCode = "400", description = "a malformed period, cohort, page or size"),
                @ApiResponse(responseCode = "404", description = "that period's report has not been made")})
    JsonNode costs(
            @Parameter(description = "the report's month, YYYY-MM; default the running month (Finnish time)")
            @RequestParam(required = false) String period,
            @Parameter(description = "only this client group (its code)")
            @RequestParam(required = false) String group,
            @Parameter(description = "only this cohort: HB or CONTROL")
            @RequestParam(required = false) String cohort,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        ReportPeriod reportPeriod = period(period);
        String clientGroup = QueryParameters.text(group);
        String cohortCode = cohort(cohort);
        int pageNumber = QueryParameters.page(page);
        int pageSize = QueryParameters.size(size);
        if (!files.made(reportPeriod)) {
            throw notMade(reportPeriod);
        }
        Predicate<JsonNode> inGroup = node -> clientGroup == null
                || clientGroup.equals(node.path("clientGroup").asText());
        Predicate<JsonNode> wanted = inGroup.and(node -> cohortCode == null
                || cohortCode.equals(node.path("cohort").asText()));
        ObjectNode out = files.aggregates(reportPeriod);
        out.set("groups", filter(out.path("groups"), wanted));
        // a comparison is of both cohorts: it is kept by its group alone
        out.set("comparisons", filter(out.path("comparisons"), inGroup));
        out.set("monthly", filter(out.path("monthly"), wanted));
        CostReportFiles.RowsPage rows = files.rows(reportPeriod, wanted, pageNumber * pageSize, pageSize);
        ObjectNode rowsPage = out.putObject("rows");
        rowsPage.set("items", rows.items());
        rowsPage.put("page", pageNumber);
        rowsPage.put("size", pageSize);
        rowsPage.put("totalItems", rows.totalItems());
        return out;
    }

    @GetMapping("/{period}/report.html")
    @Operation(summary = "A period's report as one self-contained HTML page (inline CSS and SVG, no script)",
            responses = {@ApiResponse(responseCode = "200", description = "the page",
                    content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(responseCode = "400", description = "a malformed period"),
                @ApiResponse(responseCode = "404", description = "that period's report has not been made")})
    ResponseEntity<Resource> html(@Parameter(description = "the report's month, YYYY-MM") @PathVariable String period) {
        ReportPeriod reportPeriod = period(period);
        Path page = files.file(reportPeriod, CostReportHtml.FILE).orElseThrow(() -> notMade(reportPeriod));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", PAGE_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new FileSystemResource(page));
    }

    private ReportPeriod period(String text) {
        String value = QueryParameters.text(text);
        if (value == null) {
            return ReportPeriod.current(clock);
        }
        try {
            return ReportPeriod.parse(value);
        } catch (IllegalArgumentException e) {
            throw QueryParameters.badParameter("period", e.getMessage());
        }
    }

    private static String cohort(String text) {
        String value = QueryParameters.text(text);
        if (value == null) {
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!COHORTS.contains(code)) {
            throw QueryParameters.badParameter("cohort", "cohort must be HB or CONTROL");
        }
        return code;
    }

    private static ArrayNode filter(JsonNode items, Predicate<JsonNode> wanted) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : items) {
            if (wanted.test(item)) {
                out.add(item);
            }
        }
        return out;
    }

    private static ErrorResponseException notMade(ReportPeriod period) {
        return Problems.of(HttpStatus.NOT_FOUND, "No report for this period", "The cost report for " + period
                + " has not been made; run ./avain job cost-report --period=" + period + ".");
    }
}
