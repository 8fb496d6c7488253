package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.avain.routes.jobs.QuartzCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two server nodes on one PostgreSQL schema, both running the schedules: a firing runs the job on one
 * node, not on both; and a job that another process holds is refused, over HTTP and on the command line,
 * as any second run of it is.
 */
class JobClusterIT {
    private static final Pattern RETENTION_ENDED = Pattern.compile("job retention (ended|could not run)");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aDueScheduleRunsItsJobOnOneNodeAndAHeldJobIsRefusedEverywhere() throws Exception {
        String schema = TestDatabase.newSchema();
        try (AvainServer a = node(schema, "a"); AvainServer b = node(schema, "b");
             SingleConnectionDataSource connection = TestDatabase.connection(schema)) {
            a.awaitReady();
            b.awaitReady();
            JdbcClient db = JdbcClient.create(connection);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(db.sql("select count(*) from qrtz_scheduler_state").query(Long.class).single())
                            .as("nodes checked in to the cluster").isEqualTo(2));

            // The nightly retention made due now, through Quartz itself: a one-off trigger in the shared
            // store, from a scheduler that is never started and so never fires anything itself.
            Scheduler client = QuartzCluster.scheduler(connection);
            try {
                client.triggerJob(JobKey.jobKey("retention-nightly", QuartzCluster.NAME));
            } finally {
                client.shutdown();
            }
            // Fired and done once no trigger but the six schedules is left and none is firing: from then
            // on no node can fire it again.
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                    runs(a) + runs(b) > 0
                            && db.sql("select count(*) from qrtz_triggers").query(Long.class).single() == 6
                            && db.sql("select count(*) from qrtz_fired_triggers").query(Long.class).single() == 0);
            assertThat(runs(a) + runs(b)).as("runs of the fired job on the two nodes").isEqualTo(1);

            // Another process (a node or ./avain job) holds retention: the same lock a run takes.
            Boolean held = db.sql("select pg_try_advisory_lock(hashtext('avain-job'), hashtext('retention'))")
                    .query(Boolean.class).single();
            assertThat(held).isTrue();
            HttpResponse<String> refused = post(a.baseUrl() + "/api/v1/jobs/retention");
            AvainJar.Run commandLine = AvainJar.run(retention(schema));

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(AvainIntegrationTest.json(refused.body()).path("title").asText()).isEqualTo("Job already running");
            assertThat(commandLine.exitCode()).as(commandLine.stderr()).isEqualTo(2);
            assertThat(commandLine.summary().path("error").asText()).isEqualTo("already running");

            db.sql("select pg_advisory_unlock(hashtext('avain-job'), hashtext('retention'))").query(Boolean.class).single();
            assertThat(post(b.baseUrl() + "/api/v1/jobs/retention").statusCode()).isEqualTo(200);
        }
    }

    private AvainServer node(String schema, String name) {
        return AvainServer.start(TestDatabase.urlFor(schema), schema, dataDir.resolve(name), List.of(
                "--avain.scheduler.enabled=true", "--spring.datasource.hikari.maximum-pool-size=5",
                "--avain.card.workers=5"));
    }

    private List<String> retention(String schema) {
        List<String> arguments = new ArrayList<>(List.of("job", "retention"));
        arguments.addAll(AvainJar.onSchema(TestDatabase.urlFor(schema), schema, dataDir.resolve("cli")));
        return arguments;
    }

    private static long runs(AvainServer node) {
        Matcher matcher = RETENTION_ENDED.matcher(node.log());
        long count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private HttpResponse<String> post(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + AvainIntegrationTest.OPERATOR_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
