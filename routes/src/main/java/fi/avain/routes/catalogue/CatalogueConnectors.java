package fi.avain.routes.catalogue;

import fi.avain.connectors.comparison.ComparisonRoute;
import fi.avain.connectors.comparison.ComparisonSettings;
import fi.avain.connectors.marketplace.MarketplaceRoute;
import fi.avain.connectors.marketplace.MarketplaceSettings;
import fi.avain.connectors.ptv.PtvRoute;
import fi.avain.connectors.ptv.PtvSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connectors the catalogue sync uses, as Camel routes configured from their settings. */
@Configuration
class CatalogueConnectors {
    @Bean
    PtvRoute ptvRoute(PtvSettings settings) {
        return new PtvRoute(settings);
    }

    @Bean
    ComparisonRoute comparisonRoute(ComparisonSettings settings) {
        return new ComparisonRoute(settings);
    }

    @Bean
    MarketplaceRoute marketplaceRoute(MarketplaceSettings settings) {
        return new MarketplaceRoute(settings);
    }
}
