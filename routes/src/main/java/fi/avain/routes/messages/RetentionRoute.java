package fi.avain.routes.messages;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Runs the retention job every night on its Quartz cron schedule. */
@Component
class RetentionRoute extends RouteBuilder {
    @Override
    public void configure() {
        from("quartz://avain/retention-nightly?cron={{avain.jobs.retention.cron}}")
                .routeId("retention-nightly")
                .autoStartup("{{avain.scheduler.enabled:true}}")
                .bean("scheduledJobs", "run('retention', false)");
    }
}
