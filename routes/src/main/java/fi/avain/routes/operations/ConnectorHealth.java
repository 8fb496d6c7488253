package fi.avain.routes.operations;

import fi.avain.connectors.comparison.ComparisonSettings;
import fi.avain.connectors.marketplace.MarketplaceSettings;
import fi.avain.connectors.ptv.PtvSettings;
import fi.avain.connectors.voucher.VoucherSettings;
import java.time.Clock;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One health indicator per connector, named after it in {@code /actuator/health}. */
@Configuration
class ConnectorHealth {
    @Bean
    HealthIndicator ptv(PtvSettings settings) {
        return new ConnectorProbe(settings.baseUrl().toString(), Clock.systemUTC());
    }

    @Bean
    HealthIndicator comparison(ComparisonSettings settings) {
        return new ConnectorProbe(settings.baseUrl().toString(), Clock.systemUTC());
    }

    @Bean
    HealthIndicator marketplace(MarketplaceSettings settings) {
        return new ConnectorProbe(settings.baseUrl().toString(), Clock.systemUTC());
    }

    @Bean
    HealthIndicator voucherSystem(VoucherSettings settings) {
        return new ConnectorProbe(settings.baseUrl().toString(), true, Clock.systemUTC());
    }
}
