package fi.avain.routes.security;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;

/** Both security chains and a stand-in for the FHIR server; no database, nothing else of the application. */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        WebMvcAutoConfiguration.class})
@EnableWebSecurity
@EnableConfigurationProperties({SecuritySettings.class, PortalSettings.class})
@Import({SecurityConfiguration.class, PortalSecurityConfiguration.class, FhirProbe.class})
class PortalSecurityTestApplication {
    static final String OPERATOR_KEY = "op-test-key";
    static final String INTEGRATOR_KEY = "int-test-key";
    static final String PROCESSOR_KEY = "proc-test-key";
}
