package fi.avain.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionCriteriaTest {
    static final String ID = "5f0c2a4e-8d7b-4c1e-9a3f-2b6d8e0f1a2c";

    @ParameterizedTest
    @ValueSource(strings = {"ChargeItem?account=" + ID, "ChargeItem?account=Account/" + ID,
            "ChargeItem?account=Account%2F" + ID, " ChargeItem?account=Account/5F0C2A4E-8D7B-4C1E-9A3F-2B6D8E0F1A2C "})
    void chargesOnAnAccountAreWatchedByItsIdOrReference(String text) {
        SubscriptionCriteria criteria = SubscriptionCriteria.parse(text);

        assertThat(criteria).isEqualTo(new SubscriptionCriteria("ChargeItem", UUID.fromString(ID)));
        assertThat(criteria.text()).isEqualTo("ChargeItem?account=Account/" + ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Account?patient=" + ID, "Account?patient=Patient/" + ID})
    void aClientsBudgetsAreWatchedByThePatient(String text) {
        SubscriptionCriteria criteria = SubscriptionCriteria.parse(text);

        assertThat(criteria).isEqualTo(new SubscriptionCriteria("Account", UUID.fromString(ID)));
        assertThat(criteria.reference()).isEqualTo("Patient/" + ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "ChargeItem", "Patient?_id=" + ID, "Observation?patient=" + ID,
            "ChargeItem?patient=" + ID, "Account?account=" + ID, "ChargeItem?account=" + ID + "&status=billed",
            "ChargeItem?account=Patient/" + ID, "Account?patient=Account/" + ID, "ChargeItem?account=not-a-uuid",
            "Account?patient=1-1-1-1-1", "Account?patient=", "ChargeItem?account=%zz", "chargeitem?account=" + ID})
    void anythingElseIsRefusedNamingTheCriteria(String text) {
        assertThatThrownBy(() -> SubscriptionCriteria.parse(text))
                .isInstanceOfSatisfying(InvalidSubscriptionException.class,
                        e -> assertThat(e.element()).isEqualTo("Subscription.criteria"))
                .hasMessageStartingWith("Subscription.criteria: ");
    }

    @org.junit.jupiter.api.Test
    void criteriaLongerThanAnyAcceptedFormAreRefused() {
        assertThatThrownBy(() -> SubscriptionCriteria.parse("ChargeItem?account=" + "a".repeat(300)))
                .hasMessageContaining("longer than");
        assertThatThrownBy(() -> SubscriptionCriteria.parse(null)).hasMessageContaining("required");
    }
}
