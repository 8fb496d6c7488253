package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientGroupRuleTest {
    private static final ClientGroupRule RULE = new ClientGroupRule(new TenantCatalog(Path.of("../config/tenants")));

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "sandbox-county | disability       | -",
            "sandbox-county | disabilty        | is not one of the tenant's client groups (disability, family, elderly, carers, mental-health)",
            "sandbox-county | 010190-123M      | is not one of the tenant's client groups (disability, family, elderly, carers, mental-health)",
            "keyed-county   | vammaiset        | -",
            "keyed-county   | 010190-123M      | must not hold an identity code: a client group is a label in the reports",
            "keyed-county   | =cmd 010190-123m | must not hold an identity code: a client group is a label in the reports",
            "keyed-county   | ryhmä 150385A901 | -"})
    void aTenantsFileClosesItsGroupsAndNoTenantTakesAnIdentityCode(String tenant, String group, String refusal) {
        assertThat(RULE.refusal(tenant, group).orElse(null)).isEqualTo(refusal);
    }
}
