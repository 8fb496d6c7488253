package fi.avain.routes.catalogue;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The catalogue sync's entry points: on demand through {@code direct:catalogue-sync} (header
 * {@code full}), incremental every night and full once a week on Quartz cron schedules.
 */
@Component
class CatalogueSyncRoute extends RouteBuilder {
    @Override
    public void configure() {
        from("direct:catalogue-sync").routeId("catalogue-sync")
                .bean("scheduledJobs", "run('catalogue-sync', ${header.full})");

        from("quartz://avain/catalogue-sync-nightly?cron={{avain.jobs.catalogue-sync.cron}}")
                .routeId("catalogue-sync-nightly")
                .autoStartup("{{avain.scheduler.enabled:true}}")
                .bean("scheduledJobs", "run('catalogue-sync', false)");

        from("quartz://avain/catalogue-sync-weekly?cron={{avain.jobs.catalogue-sync.full-cron}}")
                .routeId("catalogue-sync-weekly")
                .autoStartup("{{avain.scheduler.enabled:true}}")
                .bean("scheduledJobs", "run('catalogue-sync', true)");
    }
}
