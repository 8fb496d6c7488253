package fi.avain.routes.voucher;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Runs the voucher expiry on its Quartz cron schedule. */
@Component
class VoucherExpiryRoute extends RouteBuilder {
    @Override
    public void configure() {
        from("quartz://avain/voucher-expiry-nightly?cron={{avain.jobs.voucher-expiry.cron}}")
                .routeId("voucher-expiry-nightly")
                .autoStartup("{{avain.scheduler.enabled:true}}")
                .bean("scheduledJobs", "run('voucher-expiry', false)");
    }
}
