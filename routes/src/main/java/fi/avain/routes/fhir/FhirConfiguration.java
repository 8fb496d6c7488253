package fi.avain.routes.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fi.avain.budget.ClientIdentities;
import fi.avain.budget.Representatives;
import fi.avain.mappings.fhir.KnownElementsOnly;
import fi.avain.mappings.fhir.PortalFhirContext;
import fi.avain.routes.messages.MessageStoreSettings;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The citizen portal's FHIR R4 server at {@code /fhir}, over the ledger. */
@Configuration
public class FhirConfiguration {

    /** Resources sent to {@code /fhir} are read with every element known: a misspelt one is refused, not dropped. */
    @Bean
    FhirContext fhirContext() {
        FhirContext context = new PortalFhirContext();
        context.setParserErrorHandler(new KnownElementsOnly());
        return context;
    }

    @Bean
    Representatives representatives(JdbcClient jdbc, ClientIdentities identities, ObjectProvider<Clock> clock) {
        return new Representatives(jdbc, identities, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnWebApplication
    ServletRegistrationBean<AvainFhirServer> fhirServlet(FhirContext context, List<IResourceProvider> providers,
                                                         FhirSettings settings, MessageStoreSettings messages,
                                                         PortalAccessService access, ObjectProvider<Clock> clock) {
        ServletRegistrationBean<AvainFhirServer> registration = new ServletRegistrationBean<>(
                new AvainFhirServer(context, providers, settings, new PagingTokens(messages.encryptionKey()),
                        clock.getIfAvailable(Clock::systemUTC), () -> access.scope().fingerprint()), "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
