package fi.avain.routes.jobs;

import fi.avain.routes.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
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
    Map<String, Object> run(@PathVariable String name, @RequestParam Map<String, String> given,
                            HttpServletRequest request) {
        if (RequestBodies.present(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "A job takes its options in the query string (?full=true) and no body.");
            problem.setTitle("Unexpected body");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        // ?full with no value is a flag, as --full is on the command line.
        Map<String, String> options = new LinkedHashMap<>();
        given.forEach((key, value) -> options.put(key, value.isEmpty() ? "true" : value));
        if (runner.find(name).isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No job named '" + name + "'. Known: " + String.join(", ", runner.names()));
            problem.setTitle("Unknown job");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        runner.refusedOptions(name, options).ifPresent(refused -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused);
            problem.setTitle("Unknown job option");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        });
        JobSummary summary = runner.run(name, options, JobProgress.NONE);
        if (summary.optionRefused()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, summary.error());
            problem.setTitle("Invalid job option");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        if (summary.status() == JobSummary.Status.FAILED && "already running".equals(summary.error())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Job '" + name + "' is already running");
            problem.setTitle("Job already running");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        return summary.toJson();
    }
}
