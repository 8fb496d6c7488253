package fi.avain.routes.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.routes.AvainApplication;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./avain job <name> [--key=value ...]}: starts the application without its web server,
 * runs one job and returns the exit code. Arguments whose key has a dot ({@code --avain.x=1},
 * {@code --spring.profiles.active=prod}) are Spring properties; the others are the job's options.
 * Only the JSON summary goes to stdout; logs and progress go to stderr.
 */
public final class JobCommand {
    /** Checked before anything starts, so a mistyped name fails in a moment, not after start-up. */
    public static final List<String> JOBS = List.of("catalogue-sync", "card-clearing", "voucher-expiry", "retention",
            "import-costs", "import-outcomes", "service-gaps", "cost-report");
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobCommand() {
    }

    public static int run(String[] args) {
        long started = System.nanoTime();
        JobArguments arguments;
        try {
            arguments = JobArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("job: " + e.getMessage());
            return print(JobSummary.failed(args.length > 0 ? args[0] : "", e.getMessage(), 0));
        }
        String name = arguments.name();
        if (!JOBS.contains(name)) {
            System.err.println("job: unknown job '" + name + "'; known: " + String.join(", ", JOBS));
            return print(JobSummary.failed(name, "unknown job; known: " + String.join(", ", JOBS), 0));
        }
        Map<String, String> options = arguments.options();
        List<String> springArgs = arguments.springArgs();
        System.setProperty("CONSOLE_TARGET", "System.err");
        SpringApplication application = new SpringApplication(AvainApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of(
                "avain.mode", "job",
                "avain.job.name", name,
                "avain.scheduler.enabled", "false",
                // Without a web server nothing publishes Camel's per-route meters, and updating them
                // cost a catalogue sync 5% of its CPU (a property name formatted per exchange).
                "camel.metrics.enable-route-policy", "false",
                "logging.level.root", "WARN",
                "logging.level.fi.avain", "INFO"));
        application.setLogStartupInfo(false);
        ConfigurableApplicationContext context;
        try {
            context = application.run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            System.err.println("job: could not start: " + rootMessage(e));
            return print(JobSummary.failed(name, "could not start: " + rootMessage(e), elapsed(started)));
        }
        try (context) {
            JobRunner runner = context.getBean(JobRunner.class);
            ConsoleProgress progress = new ConsoleProgress(System.err, System.console() != null);
            JobSummary summary = runner.run(name, options, progress);
            progress.finish();
            return print(summary);
        }
    }

    private static int print(JobSummary summary) {
        try {
            System.out.println(JSON.writeValueAsString(summary.toJson()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        System.out.flush();
        return summary.status().exitCode();
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String firstLine = message.lines().findFirst().orElse(message);
        return firstLine.length() > 300 ? firstLine.substring(0, 300) : firstLine;
    }
}
