package fi.avain.mappings.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Account.AccountStatus;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.ChargeItem.ChargeItemStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the golden cases do not show one by one: every status, the edges of a period, every known relationship. */
class FhirResourcesTest {
    private static final UUID BUDGET = UUID.fromString("0b9c7a4e-2f1d-4c3b-8a9e-7d6c5b4a3f21");
    private static final UUID CLIENT = UUID.fromString("6d1f3c2a-5b4e-4f7a-9c8d-1e2f3a4b5c6d");
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 12, 31);
    private static final Instant AT = Instant.parse("2026-03-14T08:41:17Z");

    @ParameterizedTest
    @CsvSource({"PLANNED, PLANNED", "BILLABLE, BILLABLE", "BILLED, BILLED", "ABORTED, ABORTED"})
    void mapsEveryChargeStatus(ChargeStatus status, ChargeItemStatus expected) {
        PortalCharge charge = new PortalCharge(UUID.randomUUID(), CLIENT, BUDGET, UUID.randomUUID(), "card", "a",
                status, 0, 0, AT, AT, null, null, null, null);
        assertThat(FhirResources.chargeItem(charge).getStatus()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2025-12-31, INACTIVE, ACTIVE", "2026-01-01, ACTIVE, ACTIVE", "2026-12-31, ACTIVE, ACTIVE",
            "2027-01-01, INACTIVE, COMPLETED"})
    void isActiveOnTheDaysOfItsPeriod(LocalDate today, AccountStatus account, CarePlanStatus plan) {
        PortalBudget budget = budget(line(true));
        assertThat(FhirResources.budgetAccount(budget, today).getStatus()).isEqualTo(account);
        assertThat(FhirResources.lineAccount(budget, budget.lines().get(0), today).getStatus()).isEqualTo(account);
        assertThat(FhirResources.carePlan(budget, List.of(), today).getStatus()).isEqualTo(plan);
    }

    @Test
    void aClosedLineIsInactiveWithinItsPeriod() {
        PortalBudget budget = budget(line(false));
        assertThat(FhirResources.lineAccount(budget, budget.lines().get(0), START).getStatus())
                .isEqualTo(AccountStatus.INACTIVE);
    }

    @Test
    void refusesALineOfAnotherBudget() {
        PortalLine otherBudgets = new PortalLine(UUID.randomUUID(), UUID.randomUUID(), "c", "category", 100, 0, 0,
                START, END, List.of("card"), List.of(), true);
        assertThatThrownBy(() -> FhirResources.lineAccount(budget(), otherBudgets, START))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlanWithoutVersionsIsDatedByTheBudget() {
        var plan = FhirResources.carePlan(budget(), List.of(), START);
        assertThat(plan.hasCreated()).isFalse();
        assertThat(plan.getMeta().getLastUpdatedElement().getValueAsString()).isEqualTo("2026-03-14T08:41:17Z");
        assertThat(plan.getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void aClientGroupThatIsNoCodeIsGivenAsText() {
        PortalBudget budget = new PortalBudget(BUDGET, CLIENT, "t", "p", "family  services", "hb", START, END, 1, AT,
                List.of());
        var category = FhirResources.carePlan(budget, List.of(), START).getCategoryFirstRep();
        assertThat(category.getText()).isEqualTo("family  services");
        assertThat(category.hasCoding()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"guardian, GUARD", "Huoltaja, GUARD", "edunvalvoja, GUARD", "parent, PRN", "äiti, MTH", "isä, FTH",
            "spouse, SPS", "lapsi, CHILD", "sibling, SIB", "family-member, FAMMEMB", "omainen, FAMMEMB",
            "friend, FRND", "power of attorney, POWATT", "valtuutettu, POWATT"})
    void codesKnownRelationshipsInRoleCode(String relationship, String code) {
        PortalRepresentative representative = new PortalRepresentative(UUID.randomUUID(), CLIENT, "t", "n",
                relationship, Set.of(Grant.BUDGET), START, null, true);
        var coded = FhirResources.relatedPerson(representative).getRelationshipFirstRep();
        assertThat(coded.getCodingFirstRep().getCode()).isEqualTo(code);
        assertThat(coded.getText()).isEqualTo(relationship);
    }

    @Test
    void todayIsTheDayInHelsinki() {
        PortalBudget budget = budget();
        assertThat(FhirResources.budgetAccount(budget).getStatus()).isEqualTo(
                FhirResources.budgetAccount(budget, LocalDate.now(FhirResources.HELSINKI)).getStatus());
    }

    private static PortalBudget budget(PortalLine... lines) {
        return new PortalBudget(BUDGET, CLIENT, "t", "p", "disability", "hb", START, END, 1, AT, List.of(lines));
    }

    private static PortalLine line(boolean open) {
        return new PortalLine(UUID.randomUUID(), BUDGET, "c", "category", 100, 0, 0, START, END, List.of("card"),
                List.of(), open);
    }
}
