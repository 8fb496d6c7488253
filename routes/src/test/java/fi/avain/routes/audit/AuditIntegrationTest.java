package fi.avain.routes.audit;

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
 * The audit on its own schema of the test PostgreSQL, without the servlet filters (who may call is the
 * security chain's, tested there). The context is closed after the class, which drops the schema.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = AuditTestApplication.class, properties = {
        "avain.portal.audit-retention=P2Y", "spring.mvc.problemdetails.enabled=true"})
@ContextConfiguration(initializers = PostgresSchema.class)
@AutoConfigureMockMvc(addFilters = false)
@DirtiesContext
@interface AuditIntegrationTest {
}
