package fi.avain.budget;

import static fi.avain.budget.VoucherRequests.HOME_CARE;
import static fi.avain.budget.VoucherRequests.PROVIDER;
import static fi.avain.budget.VoucherRequests.SERVICE_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.budget.Declarations.DeclarationRequest;
import fi.avain.budget.Declarations.DeclarationView;
import fi.avain.mappings.fhir.ChargeStatus;
import fi.avain.mappings.fhir.Grant;
import fi.avain.mappings.fhir.PortalBudget;
import fi.avain.mappings.fhir.PortalCharge;
import fi.avain.mappings.fhir.PortalRepresentative;
import fi.avain.mappings.model.Hetu;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portal's reading of the ledger, the change outbox and representatives, on a real PostgreSQL. */
class PortalTest {
    static final Hetu REPRESENTATIVE = Hetu.parse("131052-308T");
    static LedgerFixture f;
    static Portal portal;
    static Representatives representatives;
    UUID budgetId;
    UUID clientId;
    String cardId;

    @BeforeAll
    static void database() {
        f = new LedgerFixture(2);
        portal = new Portal(f.db, new LedgerFixture.TestIdentities());
        representatives = new Representatives(f.db, new LedgerFixture.TestIdentities(), f.clock);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void budget() {
        budgetId = VoucherRequests.budget(f);
        clientId = portal.clientOfBudget(budgetId).orElseThrow();
        cardId = "ic_" + UUID.randomUUID().toString().replace("-", "");
        f.inTx(() -> f.cards.register("stripe", cardId, budgetId, CardStatus.ACTIVE));
    }

    @AfterEach
    void invariantsHold() {
        assertThat(f.invariants.violations()).isEmpty();
    }

    @Test
    void thePatientAndBudgetAreReadWithTheirLines() {
        assertThat(portal.patient(clientId).orElseThrow().identityCode()).isEqualTo(Hetu.parse("010190-123M"));
        PortalBudget budget = portal.budget(budgetId).orElseThrow();
        assertThat(budget.patientId()).isEqualTo(clientId);
        assertThat(budget.lines()).extracting(l -> l.code()).containsExactly("care", "shop", "spring", "therapy");
        assertThat(portal.budgetsOf(clientId)).extracting(PortalBudget::id).contains(budgetId);
        assertThat(portal.planVersions(budgetId)).hasSize(1);
        assertThat(portal.patient(UUID.randomUUID())).isEmpty();
    }

    @Test
    void everyHoldAndSpendIsACharge() {
        authorize("a1", 3000);
        authorize("a2", 2000);
        capture("c1", "a1", 3000);
        f.inTx(() -> f.clearing.apply(new ClearingItem("stripe", "force-" + budgetId, ClearingItem.Type.CAPTURE, null,
                cardId, 1500, "5411", LocalDate.parse("2026-11-22"), null), UUID.randomUUID()));
        f.clock.advance(Duration.ofMinutes(1));
        DeclarationView declared = f.inTx(() -> f.declarations.declare(new DeclarationRequest(budgetId, "care", PROVIDER,
                HOME_CARE, SERVICE_DAY, 12000, "home care", "d-" + UUID.randomUUID()), UUID.randomUUID()));

        List<PortalCharge> charges = portal.charges(new Portal.ChargeQuery(budgetId, null, null, null), 0, 50);
        assertThat(charges).hasSize(4);
        PortalCharge declaration = charges.get(0);
        assertThat(declaration.channel()).isEqualTo("declaration");
        assertThat(declaration.status()).isEqualTo(ChargeStatus.PLANNED);
        assertThat(declaration.heldCents()).isEqualTo(12000);
        assertThat(declaration.providerBusinessId()).isEqualTo(PROVIDER);
        assertThat(declaration.serviceClass()).isEqualTo(HOME_CARE);
        assertThat(declaration.sourceId()).isEqualTo(declared.id().toString());
        // a declaration happened on its service day, not when it was sent
        assertThat(declaration.serviceDate()).isEqualTo(SERVICE_DAY);
        assertThat(declaration.occurrence()).isEqualTo(SERVICE_DAY.toString());
        assertThat(charges).filteredOn(c -> c.sourceId().equals("stripe:" + budgetId + "-a1")).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(ChargeStatus.BILLED);
                    assertThat(c.spentCents()).isEqualTo(3000);
                    assertThat(c.heldCents()).isZero();
                    assertThat(c.merchantCategory()).isEqualTo("5411");
                    assertThat(c.serviceDate()).isNull();
                });
        assertThat(charges).filteredOn(c -> c.sourceId().equals("stripe:" + budgetId + "-a2")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ChargeStatus.PLANNED));
        PortalCharge forced = charges.stream().filter(c -> c.sourceId().startsWith("force-")).findFirst().orElseThrow();
        assertThat(forced.status()).isEqualTo(ChargeStatus.BILLED);
        assertThat(forced.spentCents()).isEqualTo(1500);
        assertThat(portal.charge(forced.id())).contains(forced);
        assertThat(portal.charge(declaration.id())).contains(declaration);
        PortalCharge held = charges.stream().filter(c -> c.sourceId().equals("stripe:" + budgetId + "-a2"))
                .findFirst().orElseThrow();
        assertThat(portal.charge(held.id())).contains(held);
        assertThat(portal.charge(UUID.randomUUID())).isEmpty();
        UUID allocation = f.db.sql("select id from ledger_movement where budget_id = ? and kind = 'ALLOCATION'")
                .param(budgetId).query(UUID.class).list().get(0);
        assertThat(portal.charge(allocation)).as("a movement that is no charge").isEmpty();
        assertThat(portal.chargeCount(new Portal.ChargeQuery(budgetId, null, null, null))).isEqualTo(4);

        UUID care = f.line(budgetId, "care").id();
        assertThat(portal.charges(new Portal.ChargeQuery(null, care, null, null), 0, 50)).containsExactly(declaration);
        assertThat(portal.charges(new Portal.ChargeQuery(budgetId, null, f.clock.instant(), null), 0, 50))
                .containsExactly(declaration);
        assertThat(portal.charges(new Portal.ChargeQuery(budgetId, null, null, null), 1, 2)).hasSize(2);

        f.inTx(() -> f.declarations.approve(declared.id(), "case-worker"));
        assertThat(portal.charge(declaration.id()).orElseThrow().status()).isEqualTo(ChargeStatus.BILLED);
        assertThat(portal.charge(declaration.id()).orElseThrow().serviceDate()).isEqualTo(SERVICE_DAY);
    }

    @Test
    void aBudgetLastChangedWithTheLatestMovementOnAnyOfItsLines() {
        Instant planned = portal.budget(budgetId).orElseThrow().updatedAt();
        f.clock.advance(Duration.ofMinutes(5));
        authorize("m1", 1000);

        Instant held = f.clock.instant();
        assertThat(held).isAfter(planned);
        assertThat(portal.budget(budgetId).orElseThrow().updatedAt()).isEqualTo(held);
        assertThat(portal.budgetsOf(clientId)).filteredOn(b -> b.id().equals(budgetId)).singleElement()
                .extracting(PortalBudget::updatedAt).isEqualTo(held);
    }

    @Test
    void everyMovementOnABudgetLandsInTheOutboxInItsTransaction() {
        long before = changes();
        authorize("o1", 1000);
        assertThat(changes()).isEqualTo(before + 1);
        assertThatThrownBy(() -> f.inTx(() -> {
            f.authorizer.decide(new AuthorizationAttempt("stripe", budgetId + "-o2", cardId, 1000, "5411", false,
                    f.clock.instant()), UUID.randomUUID(), v -> "{}");
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(changes()).isEqualTo(before + 1);
        assertThat(portal.chargeOfMovement(UUID.randomUUID(), "card", "stripe:" + budgetId + "-o1")).isPresent();
    }

    @Test
    void aRepresentativeHoldsWhatWasGrantedUntilRevoked() {
        PortalRepresentative granted = f.inTx(() -> representatives.grant(new Representatives.GrantRequest(clientId,
                REPRESENTATIVE, "Maija Meikäläinen", "GUARD", Set.of(Grant.BUDGET, Grant.SPENDS), null, null)));
        assertThat(granted.active()).isTrue();
        assertThat(granted.grants()).containsExactlyInAnyOrder(Grant.BUDGET, Grant.SPENDS);
        assertThat(representatives.heldBy("t1", REPRESENTATIVE)).extracting(PortalRepresentative::id)
                .contains(granted.id());
        assertThat(representatives.heldBy("t2", REPRESENTATIVE)).isEmpty();

        PortalRepresentative changed = f.inTx(() -> representatives.grant(new Representatives.GrantRequest(clientId,
                REPRESENTATIVE, "Maija Meikäläinen", "GUARD", Set.of(Grant.DECLARATIONS), null, null)));
        assertThat(changed.id()).isEqualTo(granted.id());
        assertThat(changed.grants()).containsExactly(Grant.DECLARATIONS);

        assertThat(f.inTx(() -> representatives.revoke(granted.id()))).isTrue();
        assertThat(f.inTx(() -> representatives.revoke(granted.id()))).isFalse();
        assertThat(representatives.heldBy("t1", REPRESENTATIVE)).extracting(PortalRepresentative::id)
                .doesNotContain(granted.id());
        assertThat(representatives.of(clientId)).singleElement().satisfies(r -> assertThat(r.active()).isFalse());

        PortalRepresentative future = f.inTx(() -> representatives.grant(new Representatives.GrantRequest(clientId,
                REPRESENTATIVE, "Maija", "GUARD", Set.of(Grant.BUDGET), LocalDate.parse("2027-01-01"), null)));
        assertThat(future.active()).isFalse();
    }

    @Test
    void aGrantThatCannotBeKeptIsRefused() {
        assertThatThrownBy(() -> new Representatives.GrantRequest(clientId, REPRESENTATIVE, "", "GUARD",
                Set.of(Grant.BUDGET), null, null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new Representatives.GrantRequest(clientId, REPRESENTATIVE, "M", "GUARD",
                Set.of(), null, null)).hasMessageContaining("grants");
        assertThatThrownBy(() -> new Representatives.GrantRequest(clientId, REPRESENTATIVE, "M", "no spaces",
                Set.of(Grant.BUDGET), null, null)).hasMessageContaining("relationship");
        assertThatThrownBy(() -> f.inTx(() -> representatives.grant(new Representatives.GrantRequest(UUID.randomUUID(),
                REPRESENTATIVE, "M", "GUARD", Set.of(Grant.BUDGET), null, null))))
                .isInstanceOf(UnknownBudgetException.class).hasMessageNotContaining("131052");
    }

    private long changes() {
        return f.db.sql("select count(*) from ledger_change where budget_id = ?").param(budgetId).query(Long.class)
                .single();
    }

    private void authorize(String id, long cents) {
        Decision d = f.inTx(() -> f.authorizer.decide(new AuthorizationAttempt("stripe", budgetId + "-" + id, cardId,
                cents, "5411", false, f.clock.instant()), UUID.randomUUID(), v -> "{}"));
        assertThat(d.verdict().approved()).as("approved " + id).isTrue();
    }

    private void capture(String recordId, String authorizationId, long cents) {
        f.inTx(() -> f.clearing.apply(new ClearingItem("stripe", recordId + "-" + budgetId, ClearingItem.Type.CAPTURE,
                budgetId + "-" + authorizationId, cardId, cents, "5411", LocalDate.parse("2026-11-22"), null),
                UUID.randomUUID()));
    }
}
