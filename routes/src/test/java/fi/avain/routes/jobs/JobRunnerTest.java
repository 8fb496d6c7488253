package fi.avain.routes.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobRunnerTest {
    /** A job that counts its runs and takes the options it is given. */
    static class CountingJob implements Job {
        final AtomicInteger runs = new AtomicInteger();
        private final String name;
        private final Set<String> options;

        CountingJob(String name, Set<String> options) {
            this.name = name;
            this.options = options;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<String> options() {
            return options;
        }

        @Override
        public JobSummary run(Map<String, String> given, JobProgress progress) {
            runs.incrementAndGet();
            return new JobSummary(name, JobSummary.Status.DONE, Map.of("options", given.size()), 1, null);
        }
    }

    private final CountingJob sync = new CountingJob("catalogue-sync", Set.of("full"));
    private final CountingJob retention = new CountingJob("retention", Set.of());
    private final JobRunner runner = new JobRunner(List.of(sync, retention), job -> Optional.of(() -> { }));

    @Test
    void aJobRunsWithTheOptionsItTakes() {
        assertThat(runner.run("catalogue-sync", Map.of("full", "true"), JobProgress.NONE).status())
                .isEqualTo(JobSummary.Status.DONE);
        assertThat(runner.run("retention", Map.of(), JobProgress.NONE).status()).isEqualTo(JobSummary.Status.DONE);
        assertThat(sync.runs).hasValue(1);
        assertThat(retention.runs).hasValue(1);
    }

    @Test
    void anOptionTheJobDoesNotTakeIsRefusedBeforeItRuns() {
        JobSummary mistyped = runner.run("catalogue-sync", Map.of("fulll", "true"), JobProgress.NONE);
        JobSummary none = runner.run("retention", Map.of("full", "true"), JobProgress.NONE);

        assertThat(mistyped.status()).isEqualTo(JobSummary.Status.FAILED);
        assertThat(mistyped.optionRefused()).isTrue();
        assertThat(mistyped.error()).isEqualTo("unknown option --fulll; catalogue-sync takes --full");
        assertThat(none.error()).isEqualTo("unknown option --full; retention takes no options");
        assertThat(sync.runs).hasValue(0);
        assertThat(retention.runs).hasValue(0);
        assertThat(runner.refusedOptions("catalogue-sync", Map.of("full", "true"))).isEmpty();
    }

    @Test
    void aJobHeldByAnotherProcessIsRefusedAsAlreadyRunningAndDoesNotRun() {
        JobRunner elsewhere = new JobRunner(List.of(sync), job -> Optional.empty());

        JobSummary refused = elsewhere.run("catalogue-sync", Map.of(), JobProgress.NONE);

        assertThat(refused.status()).isEqualTo(JobSummary.Status.FAILED);
        assertThat(refused.error()).isEqualTo(JobRunner.ALREADY_RUNNING);
        assertThat(sync.runs).hasValue(0);
    }

    @Test
    void theHoldIsLetGoWhenTheRunEndsEvenByAnException() {
        AtomicInteger held = new AtomicInteger();
        Job failing = new CountingJob("retention", Set.of()) {
            @Override
            public JobSummary run(Map<String, String> given, JobProgress progress) {
                assertThat(held).hasValue(1);
                throw new IllegalStateException("database away");
            }
        };
        JobRunner runner = new JobRunner(List.of(failing), job -> {
            held.incrementAndGet();
            return Optional.of(held::decrementAndGet);
        });

        JobSummary summary = runner.run("retention", Map.of(), JobProgress.NONE);

        assertThat(summary.status()).isEqualTo(JobSummary.Status.FAILED);
        assertThat(summary.error()).isEqualTo("database away");
        assertThat(held).hasValue(0);
    }
}
