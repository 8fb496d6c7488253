package fi.avain.routes.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSummaryTest {

    @Test
    void writesJobAndStatusFirstThenTheCountsInOrderThenTheDuration() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("fetched", 3L);
        counts.put("created", 2L);
        counts.put("failed", 1L);

        Map<String, Object> json = new JobSummary("catalogue-sync", JobSummary.Status.DONE_WITH_ERRORS, counts, 42, null).toJson();

        assertThat(List.copyOf(json.keySet())).containsExactly("job", "status", "fetched", "created", "failed", "durationMs");
        assertThat(json.get("status")).isEqualTo("done_with_errors");
    }

    @Test
    void exitCodesAreZeroForDoneOneForErrorsInTheStoreAndTwoForCouldNotRun() {
        assertThat(JobSummary.Status.DONE.exitCode()).isZero();
        assertThat(JobSummary.Status.DONE_WITH_ERRORS.exitCode()).isEqualTo(1);
        assertThat(JobSummary.failed("x", "no database", 5).status().exitCode()).isEqualTo(2);
        assertThat(JobSummary.failed("x", "no database", 5).toJson()).containsEntry("error", "no database");
    }

    @Test
    void aRefusedOptionIsOnTheCommandLineJustAFailure() {
        JobSummary refused = JobSummary.optionRefused("x", "--period must be a month", 5);
        JobSummary failed = JobSummary.failed("x", "--period must be a month", 5);

        assertThat(refused.toJson()).isEqualTo(failed.toJson());
        assertThat(refused.status().exitCode()).isEqualTo(2);
        assertThat(refused.optionRefused()).isTrue();
        assertThat(failed.optionRefused()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JobSummary("x", JobSummary.Status.DONE, Map.of(), 1,
                null, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drawsAProgressBarOnATerminalAndPlainLinesOtherwise() {
        assertThat(ConsoleProgress.bar("Service", 50, 100)).contains("[###############               ] 50/100");
        var out = new java.io.ByteArrayOutputStream();
        ConsoleProgress plain = new ConsoleProgress(new java.io.PrintStream(out, true), false);
        plain.update("Service", 0, 10);
        plain.update("Service", 5, 10);
        plain.update("ServiceChannel", 0, 4);

        assertThat(out.toString().lines().toList()).containsExactly("Service: 0/10", "ServiceChannel: 0/4");
    }
}
