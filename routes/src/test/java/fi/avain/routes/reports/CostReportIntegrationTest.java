package fi.avain.routes.reports;

import fi.avain.routes.messages.PostgresSchema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The cost report on its own schema of the test PostgreSQL, with tenant t1's reporting key and
 * configuration; each test class gets its own schema (and data directory, see {@link ReportFixture}).
 * Without the servlet filters: who may call is the security chain's, tested there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CostReportTestApplication.class, properties = {
        "avain.messages.encryption-key=" + CostReportIntegrationTest.MESSAGE_KEY,
        "avain.reports.keys.t1=" + CostReportIntegrationTest.REPORTING_KEY,
        "avain.reports.min-group-size=3",
        "avain.tenants-dir=src/test/resources/reports/tenants",
        "spring.mvc.problemdetails.enabled=true"})
@ContextConfiguration(initializers = {PostgresSchema.class, ReportFixture.DataDir.class})
@AutoConfigureMockMvc(addFilters = false)
@DirtiesContext
@interface CostReportIntegrationTest {
    /** Base64 of 32 bytes 0x07: a key for tests only. */
    String MESSAGE_KEY = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";
    /** Base64 of 32 bytes 0x2a: a key for tests only. */
    String REPORTING_KEY = "KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=";
}
