package fi.avain.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fi.avain.mappings.fhir.Grant;
import fi.avain.routes.fhir.PortalLedger.Budget;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Subscription resource as the portal's callers see it: create, read, search, delete, and refusals. */
class SubscriptionProviderIT {
    static final String SECRET = "s3cret-portal-token";
    static PortalLedger ledger;
    static Budget budget;
    final TestPortalAccess access = new TestPortalAccess();
    SubscriptionProvider provider;

    @BeforeAll
    static void database() {
        ledger = new PortalLedger();
        budget = ledger.budget();
    }

    @AfterAll
    static void close() {
        ledger.close();
    }

    @BeforeEach
    void caller() {
        access.as("citizen-1").allow(budget.clientId(), Grant.BUDGET, Grant.SPENDS);
        provider = new SubscriptionProvider(ledger.store, ledger.portal, access);
    }

    @Test
    void aSubscriptionIsActiveAtOnceAndShownBackWithoutHeaderValues() {
        MethodOutcome outcome = provider.create(subscription("ChargeItem?account=" + budget.id()));

        assertThat(outcome.getCreated()).isTrue();
        String id = outcome.getId().getIdPart();
        Subscription read = provider.read(new IdType("Subscription", id));
        assertThat(read.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
        assertThat(read.getCriteria()).isEqualTo("ChargeItem?account=Account/" + budget.id());
        assertThat(read.getReason()).isEqualTo("the portal app");
        assertThat(read.getChannel().getType()).isEqualTo(SubscriptionChannelType.RESTHOOK);
        assertThat(read.getChannel().getEndpoint()).isEqualTo("https://portal.example.fi/hook");
        assertThat(read.getChannel().getPayload()).isEqualTo("application/fhir+json");
        assertThat(read.getChannel().getHeader()).extracting(h -> h.getValue()).containsExactly("Authorization: ***");
        assertThat(read.getIdElement().getIdPart()).isEqualTo(id);
        StoredSubscription stored = ledger.store.find(UUID.fromString(id)).orElseThrow();
        assertThat(stored.clientId()).isEqualTo(budget.clientId());
        assertThat(stored.tenant()).isEqualTo(PortalLedger.TENANT);
        assertThat(stored.owner()).isEqualTo("citizen-1");
        assertThat(stored.channel().headers()).containsExactly("Authorization: Bearer " + SECRET);
        assertThat(provider.search()).extracting(s -> s.getIdElement().getIdPart()).contains(id);
        assertThat(ledger.store.listByClient(budget.clientId())).extracting(StoredSubscription::id)
                .contains(UUID.fromString(id));
    }

    @Test
    void theHeadersAreKeptSealedAndBoundToTheirSubscription() {
        UUID id = UUID.fromString(provider.create(subscription("ChargeItem?account=" + budget.id())).getId()
                .getIdPart());
        UUID other = UUID.fromString(provider.create(subscription("ChargeItem?account=" + budget.id())).getId()
                .getIdPart());
        String stored = ledger.db.sql("select headers from fhir_subscription where id = ?").param(id)
                .query(String.class).single();
        assertThat(stored).doesNotContain(SECRET).doesNotContain("Authorization").contains("\"keyId\":\"k1\"");

        // a row kept before headers were sealed is still read
        ledger.db.sql("update fhir_subscription set headers = ? where id = ?")
                .params("[\"Authorization: Bearer " + SECRET + "\"]", other).update();
        assertThat(ledger.store.find(other).orElseThrow().channel().headers())
                .containsExactly("Authorization: Bearer " + SECRET);

        // sealed headers copied onto another subscription do not open there, and the error does not quote them
        ledger.db.sql("update fhir_subscription set headers = ? where id = ?").params(stored, other).update();
        assertThatThrownBy(() -> ledger.store.find(other)).isInstanceOf(RuntimeException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(stored));
        assertThat(ledger.store.find(id).orElseThrow().channel().headers())
                .containsExactly("Authorization: Bearer " + SECRET);
        ledger.db.sql("update fhir_subscription set headers = '[]' where id = ?").param(other).update();
    }

    @Test
    void aLineAccountOrThePatientMayBeWatched() {
        String line = provider.create(subscription("ChargeItem?account=Account/" + budget.careLine())).getId().getIdPart();
        String patient = provider.create(subscription("Account?patient=Patient/" + budget.clientId())).getId()
                .getIdPart();

        assertThat(ledger.store.find(UUID.fromString(line)).orElseThrow().criteria())
                .isEqualTo(new SubscriptionCriteria("ChargeItem", budget.careLine()));
        assertThat(ledger.store.find(UUID.fromString(patient)).orElseThrow().clientId()).isEqualTo(budget.clientId());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("Subscription.channel.type", s -> s.getChannel().setType(SubscriptionChannelType.WEBSOCKET)),
                refusal("Subscription.channel.type", s -> s.setChannel(new Subscription.SubscriptionChannelComponent())),
                refusal("Subscription.channel.payload", s -> s.getChannel().setPayload(null)),
                refusal("Subscription.channel.payload", s -> s.getChannel().setPayload("application/fhir+xml")),
                refusal("Subscription.criteria", s -> s.setCriteria("Patient?_id=" + UUID.randomUUID())),
                refusal("Subscription.criteria", s -> s.setCriteria(null)),
                refusal("Subscription.channel.endpoint", s -> s.getChannel().setEndpoint("ftp://portal.example.fi/h")),
                refusal("Subscription.channel.endpoint", s -> s.getChannel().setEndpoint(null)),
                refusal("Subscription.channel.header", s -> {
                    for (int i = 0; i < 5; i++) {
                        s.getChannel().addHeader("X-" + i + ": " + SECRET);
                    }
                }),
                refusal("Subscription.channel.header[1]", s -> s.getChannel().addHeader("Content-Type: " + SECRET)),
                refusal("Subscription.end", s -> s.setEnd(new Date(System.currentTimeMillis() - 60_000))));
    }

    static Arguments refusal(String element, Consumer<Subscription> change) {
        return Arguments.of(element, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aSubscriptionThatCannotBeKeptIsRefusedNamingTheElementAndNothingIsStored(String element,
                                                                                 Consumer<Subscription> change) {
        Subscription subscription = subscription("ChargeItem?account=" + budget.id());
        change.accept(subscription);
        long before = subscriptions();

        assertThatThrownBy(() -> provider.create(subscription))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(422);
                    OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
                    assertThat(outcome.getIssueFirstRep().getExpression()).extracting(s -> s.getValue())
                            .containsExactly(element);
                    assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
                    assertThat(outcome.getIssueFirstRep().getDiagnostics()).startsWith(element + ": ")
                            .doesNotContain(SECRET);
                })
                .message().doesNotContain(SECRET);
        assertThat(subscriptions()).isEqualTo(before);
    }

    @Test
    void anUnknownAccountAndOneTheCallerMayNotSeeAreRefusedAlike() {
        Budget other = ledger.budget();
        UUID unknown = UUID.randomUUID();
        long before = subscriptions();

        Throwable notThere = catchCreate("ChargeItem?account=" + unknown);
        Throwable notTheirs = catchCreate("ChargeItem?account=" + other.id());

        assertThat(notThere).isInstanceOf(ResourceNotFoundException.class);
        assertThat(notTheirs).isInstanceOf(ResourceNotFoundException.class);
        assertThat(notThere.getMessage().replace(unknown.toString(), "<id>"))
                .isEqualTo(notTheirs.getMessage().replace(other.id().toString(), "<id>"));
        assertThat(subscriptions()).isEqualTo(before);
    }

    @Test
    void watchingNeedsTheGrantForWhatIsWatched() {
        access.as("representative-1").allow(budget.clientId(), Grant.SPENDS);

        assertThat(catchCreate("Account?patient=" + budget.clientId())).isInstanceOf(ResourceNotFoundException.class);
        assertThat(provider.create(subscription("ChargeItem?account=" + budget.id())).getCreated()).isTrue();
    }

    @Test
    void aSubscriptionExistsOnlyForItsOwnerWhileTheyMaySeeTheClient() {
        IdType id = created(subscription("ChargeItem?account=" + budget.id()));

        access.as("citizen-2").allow(budget.clientId(), Grant.BUDGET, Grant.SPENDS);
        assertThatThrownBy(() -> provider.read(id)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> provider.delete(id)).isInstanceOf(ResourceNotFoundException.class);
        assertThat(provider.search()).isEmpty();

        access.as("citizen-1");
        assertThatThrownBy(() -> provider.read(id)).isInstanceOf(ResourceNotFoundException.class);
        assertThat(provider.search()).isEmpty();
        assertThat(ledger.store.find(UUID.fromString(id.getIdPart())).orElseThrow().status())
                .isEqualTo(SubscriptionStatus.ACTIVE);
        assertThatThrownBy(() -> provider.read(new IdType("Subscription", "not-a-uuid")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deletingTurnsASubscriptionOffAndItStaysReadable() {
        IdType id = created(subscription("ChargeItem?account=" + budget.id()));

        MethodOutcome outcome = provider.delete(new IdType("Subscription", id.getIdPart()));

        assertThat(((OperationOutcome) outcome.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                .contains("is off");
        Subscription read = provider.read(id);
        assertThat(read.getStatus()).isEqualTo(Subscription.SubscriptionStatus.OFF);
        assertThat(provider.delete(id)).isNotNull();
    }

    @Test
    void anErrorAndTheEndAreShown() {
        Date end = new Date(System.currentTimeMillis() + 86_400_000L);
        Subscription ending = subscription("ChargeItem?account=" + budget.id());
        ending.setEnd(end);
        IdType id = created(ending);
        ledger.store.setStatus(UUID.fromString(id.getIdPart()), SubscriptionStatus.ERROR, "delivery failing: HTTP 503");

        Subscription read = provider.read(id);

        assertThat(read.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ERROR);
        assertThat(read.getError()).isEqualTo("delivery failing: HTTP 503");
        assertThat(read.getEnd()).isEqualTo(end);
    }

    private IdType created(Subscription subscription) {
        return new IdType("Subscription", provider.create(subscription).getId().getIdPart());
    }

    private Throwable catchCreate(String criteria) {
        try {
            provider.create(subscription(criteria));
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static long subscriptions() {
        return ledger.db.sql("select count(*) from fhir_subscription").query(Long.class).single();
    }

    private static Subscription subscription(String criteria) {
        Subscription subscription = new Subscription();
        subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED);
        subscription.setReason("the portal app");
        subscription.setCriteria(criteria);
        subscription.getChannel().setType(SubscriptionChannelType.RESTHOOK)
                .setEndpoint("https://portal.example.fi/hook")
                .setPayload("application/fhir+json")
                .addHeader("Authorization: Bearer " + SECRET);
        return subscription;
    }
}
