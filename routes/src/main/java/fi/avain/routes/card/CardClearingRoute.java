package fi.avain.routes.card;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Runs card clearing (files in the clearing directory, then hold expiry) on its Quartz cron schedule. */
@Component
class CardClearingRoute extends RouteBuilder {
    @Override
    public void configure() {
        from("quartz://avain/card-clearing-nightly?cron={{avain.jobs.card-clearing.cron}}")
                .routeId("card-clearing-nightly")
                .autoStartup("{{avain.scheduler.enabled:true}}")
                .bean("scheduledJobs", "run('card-clearing', false)");
    }
}
