package fi.avain.routes.messages;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The message store on its own schema of the test PostgreSQL, without the servlet filters (security is
 * the application's, not this slice's). The context is closed after the class,
 * which drops the schema.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MessageStoreTestApplication.class, properties = {
        "avain.messages.encryption-key=" + MessageStoreIntegrationTest.KEY,
        "avain.messages.retention.default=P30D",
        "avain.messages.retention.catalogue-sync=P7D",
        "spring.mvc.problemdetails.enabled=true"})
@ContextConfiguration(initializers = PostgresSchema.class)
@AutoConfigureMockMvc(addFilters = false)
@DirtiesContext
@interface MessageStoreIntegrationTest {
    /** Base64 of 32 bytes 0x07: a key for tests only. */
    String KEY = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";
}
