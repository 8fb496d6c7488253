package fi.avain.routes.jobs;

import fi.avain.routes.web.Problems;
import fi.avain.routes.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators start a job over HTTP; the call returns when the job has run, with its summary. */
@RestController
@RequestMapping("/api/v1/jobs")
class JobsController {
    private final JobRunner runner;

    JobsController(JobRunner runner) {
        this.runner = runner;
    }

    @GetMapping
    Map<String, Object> list() {
        return Map.of("jobs", runner.names());
    }

    @PostMapping("/{name}")
    Map<String, Object> run(@PathVariable String name, @RequestParam MultiValueMap<String, String> given,
                            HttpServletRequest request) {
        if (RequestBodies.present(request)) {
            throw Problems.badRequest("Unexpected body", "A job takes its options in the query string (?full=true)"
                    + " and no body.");
        }
        // ?full with no value is a flag, as --full is on the command line.
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> option : given.entrySet()) {
            if (option.getValue().size() > 1) {
                throw Problems.badRequest("Invalid job option", "--" + option.getKey() + " is given more than once");
            }
            String value = option.getValue().get(0);
            options.put(option.getKey(), value.isEmpty() ? "true" : value);
        }
        if (runner.find(name).isEmpty()) {
            throw Problems.of(HttpStatus.NOT_FOUND, "Unknown job",
                    "No job named '" + name + "'. Known: " + String.join(", ", runner.names()));
        }
        runner.refusedOptions(name, options).ifPresent(refused -> {
            throw Problems.badRequest("Unknown job option", refused);
        });
        JobSummary summary = runner.run(name, options, JobProgress.NONE);
        if (summary.optionRefused()) {
            throw Problems.badRequest("Invalid job option", summary.error());
        }
        if (summary.status() == JobSummary.Status.FAILED && JobRunner.ALREADY_RUNNING.equals(summary.error())) {
            throw Problems.of(HttpStatus.CONFLICT, "Job already running", "Job '" + name + "' is already running");
        }
        return summary.toJson();
    }
}
