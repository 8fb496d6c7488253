package fi.avain.routes.card;

import fi.avain.budget.CardAuthorizer;
import fi.avain.budget.Ledger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration
class CardConfiguration {

    @Bean
    CardAuthorizer cardAuthorizer(JdbcClient jdbc, Ledger ledger, CardSettings settings) {
        return new CardAuthorizer(jdbc, ledger, settings::holdTtlFor);
    }
}
