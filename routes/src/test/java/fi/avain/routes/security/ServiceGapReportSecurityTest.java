package fi.avain.routes.security;

import static fi.avain.routes.security.PortalSecurityTestApplication.INTEGRATOR_KEY;
import static fi.avain.routes.security.PortalSecurityTestApplication.OPERATOR_KEY;
import static fi.avain.routes.security.PortalSecurityTestApplication.PROCESSOR_KEY;
import static fi.avain.routes.security.TestTokens.signed;
import static fi.avain.routes.security.TestTokens.valid;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The service-gap report holds no personal data but tells of the county's clients: operators only. */
@SpringBootTest(classes = PortalSecurityTestApplication.class, properties = {
        "avain.security.api-keys.operator[0]=" + OPERATOR_KEY,
        "avain.security.api-keys.integrator[0]=" + INTEGRATOR_KEY,
        "avain.security.api-keys.processor[0]=" + PROCESSOR_KEY,
        "avain.portal.issuer=" + TestTokens.ISSUER,
        "avain.portal.audience=" + TestTokens.AUDIENCE})
@AutoConfigureMockMvc
class ServiceGapReportSecurityTest {
    private static final String REPORT = "/api/v1/reports/service-gaps";

    @DynamicPropertySource
    static void issuerKey(DynamicPropertyRegistry registry) {
        registry.add("avain.portal.public-key", () -> PortalKeys.pem(TestTokens.ISSUER_KEYS.getPublic()));
    }

    @Autowired
    MockMvc mvc;

    @Test
    void onlyOperatorsReadTheServiceGapReport() throws Exception {
        for (String key : new String[] {INTEGRATOR_KEY, PROCESSOR_KEY}) {
            mvc.perform(get(REPORT).header("Authorization", "Bearer " + key))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get(REPORT).header("Authorization", "Bearer " + signed(valid())))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(REPORT)).andExpect(status().isUnauthorized());
        // No report controller in this test's context: past security, nothing answers.
        mvc.perform(get(REPORT).header("Authorization", "Bearer " + OPERATOR_KEY))
                .andExpect(status().isNotFound());
    }
}
