package fi.avain.routes.budget;

import fi.avain.budget.Budgets;
import fi.avain.budget.Cards;
import fi.avain.budget.ClientIdentities;
import fi.avain.budget.Clearing;
import fi.avain.budget.Corrections;
import fi.avain.budget.HoldExpiry;
import fi.avain.budget.Ledger;
import fi.avain.budget.LedgerInvariants;
import fi.avain.budget.Plans;
import fi.avain.budget.Portal;
import fi.avain.budget.ReconciliationExceptions;
import fi.avain.routes.messages.MessageCipher;
import fi.avain.routes.messages.MessageStoreSettings;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger's parts, on the application's database and clock. */
@Configuration
class LedgerConfiguration {

    /** Every booking tells the change listener (the portal's notification dispatcher), if there is one. */
    @Bean
    Ledger ledger(JdbcClient jdbc, ObjectProvider<Clock> clock, ObjectProvider<Ledger.ChangeListener> changes) {
        return new Ledger(jdbc, clock.getIfAvailable(Clock::systemUTC),
                changes.getIfAvailable(() -> Ledger.ChangeListener.NONE));
    }

    @Bean
    ClientIdentities clientIdentities(MessageCipher cipher, MessageStoreSettings messages,
                                      @Value("${avain.ledger.pseudonym-key:}") String pseudonymKey) {
        return new SealedIdentities(cipher, messages, pseudonymKey);
    }

    @Bean
    Plans plans(JdbcClient jdbc, Ledger ledger, ClientIdentities identities) {
        return new Plans(jdbc, ledger, identities);
    }

    @Bean
    Portal portal(JdbcClient jdbc, ClientIdentities identities) {
        return new Portal(jdbc, identities);
    }

    @Bean
    Budgets budgets(JdbcClient jdbc, ClientIdentities identities) {
        return new Budgets(jdbc, identities);
    }

    @Bean
    Cards cards(JdbcClient jdbc, Ledger ledger) {
        return new Cards(jdbc, ledger);
    }

    @Bean
    ReconciliationExceptions reconciliationExceptions(JdbcClient jdbc, Ledger ledger) {
        return new ReconciliationExceptions(jdbc, ledger);
    }

    @Bean
    Clearing clearing(JdbcClient jdbc, Ledger ledger, ReconciliationExceptions exceptions) {
        return new Clearing(jdbc, ledger, exceptions);
    }

    @Bean
    HoldExpiry holdExpiry(JdbcClient jdbc, Ledger ledger) {
        return new HoldExpiry(jdbc, ledger);
    }

    @Bean
    Corrections corrections(JdbcClient jdbc, Ledger ledger) {
        return new Corrections(jdbc, ledger);
    }

    @Bean
    LedgerInvariants ledgerInvariants(JdbcClient jdbc) {
        return new LedgerInvariants(jdbc);
    }
}
