package fi.avain.routes.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The sandbox's (H2's) way of holding a job: its row, locked; PostgreSQL's advisory lock is tested in JobClusterIT. */
class DatabaseJobLocksTest {
    private final DataSource database = SandboxDatabase.migrated();
    // two processes: each its own JobLocks, each its own connections
    private final DatabaseJobLocks server = new DatabaseJobLocks(database);
    private final DatabaseJobLocks commandLine = new DatabaseJobLocks(database);

    @Test
    void aJobHeldByOneProcessIsRefusedToAnotherUntilItsRunEnds() {
        Optional<JobLocks.Held> first = server.tryHold("catalogue-sync");
        assertThat(first).isPresent();

        assertThat(commandLine.tryHold("catalogue-sync")).isEmpty();

        first.get().close();
        Optional<JobLocks.Held> again = commandLine.tryHold("catalogue-sync");
        assertThat(again).isPresent();
        again.get().close();
    }

    @Test
    void otherJobsRunMeanwhile() {
        try (JobLocks.Held sync = server.tryHold("catalogue-sync").orElseThrow();
             JobLocks.Held retention = commandLine.tryHold("retention").orElseThrow()) {
            assertThat(sync).isNotNull();
            assertThat(retention).isNotNull();
        }
    }
}
