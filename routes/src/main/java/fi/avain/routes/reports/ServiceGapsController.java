package fi.avain.routes.reports;

import fi.avain.routes.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators read the latest service-gap report as the job wrote it. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Cost and impact follow-up and service gaps (operators)")
class ServiceGapsController {
    private final ServiceGapFiles files;

    ServiceGapsController(ServiceGapFiles files) {
        this.files = files;
    }

    @GetMapping(path = "/service-gaps", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The latest service-gap report (job service-gaps): needs of the plans in force per tenant,"
            + " municipality and service class, with the services and providers the catalogue offers for them",
            responses = {
                    @ApiResponse(responseCode = "200", description = "{generatedAt, needs: [{tenant, municipality,"
                            + " serviceClass, clients (null when suppressed, with suppressed: true), services,"
                            + " providers, status: none|single|ok|unmet}]}",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(type = "object"))),
                    @ApiResponse(responseCode = "404", description = "the job has not produced a report yet",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    ResponseEntity<byte[]> latest() {
        byte[] json = files.latestJson().orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "No service-gap report",
                "job service-gaps has not produced a report yet; run it with ./avain job service-gaps"
                        + " or POST /api/v1/jobs/service-gaps"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }
}
