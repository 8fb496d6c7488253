package fi.avain.routes.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Outcome measurements from case management, one at a time (files go through {@code job import-outcomes}). */
@RestController
@Tag(name = "Follow-up", description = "Outcome measurements and unmet needs for the cost and impact follow-up")
class OutcomeController {
    private final OutcomeIntake intake;

    OutcomeController(OutcomeIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/v1/outcomes", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Keep an outcome measurement on one of the tenant's instruments: docs/formats/outcomes.md",
            description = "201 for a new measurement, 200 when the client already had one on that instrument and day "
                    + "(it is replaced). 400 names the field that is wrong.")
    ResponseEntity<Map<String, Object>> measure(@RequestBody byte[] body) {
        OutcomeIntake.Received received = intake.receive(body);
        OutcomeMeasurements.Applied applied = received.applied();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", applied.id());
        out.put("tenant", received.tenant());
        out.put("pseudonym", applied.pseudonym());
        out.put("instrument", received.submission().record().instrument());
        out.put("date", received.submission().record().date().toString());
        out.put("score", applied.score().toPlainString());
        out.put("created", applied.created());
        out.put("changed", applied.changed());
        out.put("messageId", received.messageId());
        return ResponseEntity.status(applied.created() ? HttpStatus.CREATED : HttpStatus.OK).body(out);
    }
}
