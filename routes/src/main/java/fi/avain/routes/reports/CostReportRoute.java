package fi.avain.routes.reports;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Makes the running month's cost report every night on its Quartz cron schedule. */
@Component
class CostReportRoute extends RouteBuilder {
    @Override
    public void configure() {
        from("quartz://avain/cost-report-nightly?cron={{avain.jobs.cost-report.cron}}")
                .routeId("cost-report-nightly")
                .autoStartup("{{avain.scheduler.enabled:true}}")
                .bean("scheduledJobs", "run('cost-report', false)");
    }
}
