package fi.avain.routes.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two schedulers on one H2 database (the sandbox's kind) share their triggers: a firing runs on one of them. */
class QuartzClusterTest {
    /** Which scheduler instance ran each firing. */
    static final Set<String> FIRINGS = ConcurrentHashMap.newKeySet();

    public static class RecordingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                FIRINGS.add(context.getFireInstanceId() + " on " + context.getScheduler().getSchedulerInstanceId());
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final DataSource database = SandboxDatabase.migrated();
    private Scheduler a;
    private Scheduler b;

    @AfterEach
    void shutDown() throws SchedulerException {
        for (Scheduler scheduler : new Scheduler[] {a, b}) {
            if (scheduler != null) {
                scheduler.shutdown(true);
            }
        }
        FIRINGS.clear();
    }

    @Test
    void aDueTriggerFiresOnceAcrossTwoNodes() throws SchedulerException {
        a = QuartzCluster.scheduler(database);
        b = QuartzCluster.scheduler(database);
        assertThat(a.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(a.getSchedulerInstanceId()).isNotEqualTo(b.getSchedulerInstanceId());
        JobDetail job = JobBuilder.newJob(RecordingJob.class).withIdentity("retention-nightly", "avain").build();
        a.scheduleJob(job, TriggerBuilder.newTrigger().withIdentity("retention-nightly", "avain").startNow().build());
        JdbcClient jdbc = JdbcClient.create(database);
        assertThat(jdbc.sql("select count(*) from qrtz_triggers").query(Long.class).single()).isEqualTo(1);

        a.start();
        b.start();

        // the trigger is done, and gone from the store, once it has fired: no node can fire it again
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.sql("select count(*) from qrtz_triggers").query(Long.class).single() == 0
                        && jdbc.sql("select count(*) from qrtz_fired_triggers").query(Long.class).single() == 0);
        assertThat(List.copyOf(FIRINGS)).hasSize(1);
    }
}
