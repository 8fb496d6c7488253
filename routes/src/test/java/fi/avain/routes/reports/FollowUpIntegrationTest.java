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
 * The follow-up on its own schema of the test PostgreSQL, reading the repository's tenant files, without
 * the servlet filters (who may call is the security chain's). The context is closed after the class,
 * which drops the schema.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = FollowUpTestApplication.class, properties = {
        "avain.messages.encryption-key=BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=",
        "avain.tenants-dir=../config/tenants",
        "avain.reports.keys.sandbox-county=" + FollowUpIntegrationTest.KEY,
        // a tenant with a key and no file: free-text client groups, no instruments
        "avain.reports.keys.keyed-county=" + FollowUpIntegrationTest.KEY,
        "spring.mvc.problemdetails.enabled=true"})
@ContextConfiguration(initializers = PostgresSchema.class)
@AutoConfigureMockMvc(addFilters = false)
@DirtiesContext
@interface FollowUpIntegrationTest {
    /** Base64 of 32 bytes 0x09: a reporting key for tests only. */
    String KEY = "CQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk=";
}
