package fi.avain.mappings.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.mappings.model.Hetu;
import fi.avain.mappings.model.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The records the ledger hands to the mappers refuse what the portal could not show truthfully. */
class PortalRecordsTest {
    private static final UUID ID = UUID.fromString("6d1f3c2a-5b4e-4f7a-9c8d-1e2f3a4b5c6d");
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 12, 31);
    private static final Instant AT = Instant.parse("2026-03-14T08:41:17Z");

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("patient without identity code", () -> new PortalPatient(ID, "t", null, null)),
                refused("patient without tenant", () -> new PortalPatient(ID, " ", Hetu.parse("010190-123M"), null)),
                refused("budget of an unknown cohort", () -> budget("pilot", START, END, 1)),
                refused("budget ending before it starts", () -> budget("hb", END, START, 1)),
                refused("budget at version 0", () -> budget("hb", START, END, 0)),
                refused("line with negative held", () -> line(0, -1, List.of("card"), List.of())),
                refused("line with an unknown channel", () -> line(0, 0, List.of("cash"), List.of())),
                refused("line with a service class that is not one", () -> line(0, 0, List.of("card"), List.of("P10.1"))),
                refused("charge through an unknown channel", () -> charge("cash", 0, "2345678-0", null)),
                refused("charge holding less than nothing", () -> charge("card", -1, null, null)),
                refused("charge at a bad business id", () -> charge("card", 0, "2345678-1", null)),
                refused("charge of a bad merchant category", () -> charge("card", 0, null, "80")),
                refused("provider without business id", () -> new PortalProvider(null, "x")),
                refused("representative ending before starting",
                        () -> new PortalRepresentative(ID, ID, "t", "n", "guardian", Set.of(), END, START, true)),
                refused("plan version 0", () -> new PortalPlanVersion(0, AT)),
                refused("audit of an identity code", () -> audit("citizen", "010190-123M", "read", "PATRQT", "0")),
                refused("audit of an unknown role", () -> audit("admin", "x", "read", "PATRQT", "0")),
                refused("audit of an unknown action", () -> audit("citizen", "x", "delete", "PATRQT", "0")),
                refused("audit of a purpose that is no code", () -> audit("citizen", "x", "read", "because", "0")),
                refused("audit of an unknown outcome", () -> audit("citizen", "x", "read", "PATRQT", "1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, Executable construct) {
        assertThatThrownBy(construct::execute).isInstanceOfAny(InvalidValueException.class, NullPointerException.class)
                .message().doesNotContain("010190");
    }

    @Test
    void takesNullWhereNothingIsKnown() {
        assertThat(new PortalPatient(ID, "t", Hetu.parse("010190-123M"), null).homeMunicipality()).isNull();
        assertThat(charge("declaration", 0, null, null).providerBusinessId()).isNull();
        assertThat(new PortalRepresentative(ID, ID, "t", "n", "guardian", Set.of(), START, null, true).end()).isNull();
        assertThat(audit("operator", "ops", "search", "PATADMIN", "0").patientId()).isNull();
    }

    @Test
    void namesAProviderWithoutANameByItsBusinessId() {
        assertThat(new PortalProvider("2345678-0", null).name()).isEqualTo("2345678-0");
    }

    @Test
    void sumsTheBudgetOverItsLines() {
        PortalBudget budget = new PortalBudget(ID, ID, "t", "p", "g", "hb", START, END, 1, AT,
                List.of(line(1000, 300, List.of("card"), List.of()), line(500, 0, List.of("card"), List.of())));
        assertThat(budget.allocatedCents()).isEqualTo(1500);
        assertThat(budget.heldCents()).isEqualTo(300);
        assertThat(budget.availableCents()).isEqualTo(1500 - 300 - 2 * 100);
    }

    private static Arguments refused(String name, Executable construct) {
        return Arguments.of(name, construct);
    }

    private static PortalBudget budget(String cohort, LocalDate start, LocalDate end, int version) {
        return new PortalBudget(ID, ID, "t", "p", "g", cohort, start, end, version, AT, List.of());
    }

    private static PortalLine line(long allocated, long held, List<String> channels, List<String> serviceClasses) {
        return new PortalLine(UUID.randomUUID(), ID, "c", "category", allocated, held, 100, START, END, channels,
                serviceClasses, true);
    }

    private static PortalCharge charge(String channel, long held, String businessId, String merchantCategory) {
        return new PortalCharge(ID, ID, ID, ID, channel, "s", ChargeStatus.BILLED, held, 100, AT, AT, businessId, null,
                merchantCategory, null);
    }

    private static AuditRecord audit(String role, String actor, String action, String purpose, String outcome) {
        return new AuditRecord(ID, AT, role, actor, null, "t", action, List.of("ChargeItem/" + ID), purpose, outcome);
    }
}
