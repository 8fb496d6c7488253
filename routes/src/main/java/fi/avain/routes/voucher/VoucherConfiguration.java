package fi.avain.routes.voucher;

import fi.avain.budget.ClientIdentities;
import fi.avain.budget.Declarations;
import fi.avain.budget.Ledger;
import fi.avain.budget.Vouchers;
import fi.avain.connectors.voucher.VoucherSettings;
import fi.avain.connectors.voucher.VoucherSystemClient;
import fi.avain.connectors.voucher.VoucherSystemRoute;
import fi.avain.routes.messages.MessageStore;
import java.time.Clock;
import java.util.Set;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
class VoucherConfiguration {

    @Bean
    Vouchers vouchers(JdbcClient jdbc, Ledger ledger, VoucherFlowSettings settings) {
        return new Vouchers(jdbc, ledger, settings.graceDays());
    }

    @Bean
    Declarations declarations(JdbcClient jdbc, Ledger ledger) {
        return new Declarations(jdbc, ledger);
    }

    @Bean
    VoucherSystemRoute voucherSystemRoute(VoucherSettings settings) {
        return new VoucherSystemRoute(settings);
    }

    @Bean
    VoucherSystemClient voucherSystemClient(ProducerTemplate template) {
        return new VoucherSystemClient(template);
    }

    @Bean
    VoucherEvents voucherEvents(Vouchers vouchers, XRoadRequests requests, MessageStore messages,
                                TransactionTemplate tx, ObjectProvider<Clock> clock, VoucherSettings settings,
                                VoucherFlowSettings flow) {
        return new VoucherEvents(vouchers, requests, messages, tx, clock.getIfAvailable(Clock::systemUTC),
                settings.avainIdentity(), Set.of(settings.voucherSystemIdentity()), flow.graceDays());
    }

    @Bean
    VoucherService voucherService(Vouchers vouchers, VoucherSystemClient client, MessageStore messages,
                                  ClientIdentities identities, JdbcClient jdbc, TransactionTemplate tx) {
        return new VoucherService(vouchers, new VoucherSystemCallsOverSoap(client, messages), identities, jdbc, tx);
    }
}
