package fi.avain.routes.fhir;

import static fi.avain.routes.fhir.PortalLedger.FAST;
import static fi.avain.routes.fhir.PortalLedger.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import fi.avain.budget.Portal;
import fi.avain.routes.budget.TestClientIdentities;
import fi.avain.routes.fhir.PortalLedger.Budget;
import fi.avain.routes.fhir.Subscriber.Received;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.ChargeItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Ledger movements booked by the real budget classes, delivered to a rest-hook endpoint on loopback. */
class NotificationDispatcherIT {
    static final Duration PATIENCE = Duration.ofSeconds(10);
    static final FhirContext FHIR = FhirContext.forR4Cached();
    static PortalLedger ledger;
    Subscriber subscriber;

    @BeforeAll
    static void database() {
        ledger = new PortalLedger();
    }

    @AfterAll
    static void close() {
        ledger.close();
    }

    @BeforeEach
    void listen() {
        subscriber = new Subscriber();
    }

    @AfterEach
    void quiet() {
        ledger.quiet();
        subscriber.close();
    }

    @Test
    void aCardAuthorizationReachesTheSubscriberWithinASecond() {
        Budget budget = ledger.budget();
        // A poll interval far above the second: only the wake-up after the booking commits can be this quick.
        ledger.dispatcher(new SubscriptionSettings(true, Duration.ofSeconds(30), FAST.initialBackoff(),
                FAST.maxBackoff(), 3, FAST.keepDelivered(), FAST.connectTimeout(), FAST.requestTimeout(), 4, 100, List.of()));
        ledger.subscribe(budget, "ChargeItem?account=Account/" + budget.id(), subscriber.url(),
                List.of("Authorization: Bearer portal-secret"));

        long booked = System.nanoTime();
        UUID charge = ledger.authorize(budget, "5411", 1250);

        await().atMost(PATIENCE).until(() -> subscriber.taken().size() == 1);
        Received received = subscriber.received().get(0);
        assertThat(Duration.ofNanos(received.nanoTime() - booked)).isLessThan(Duration.ofSeconds(1));
        assertThat(received.body()).isEqualTo(payload("ChargeItem", charge));
        assertThat(received.contentType()).isEqualTo("application/fhir+json; charset=UTF-8");
        assertThat(received.authorization()).isEqualTo("Bearer portal-secret");
        await().atMost(PATIENCE).until(() -> ledger.meters.find("avain.portal.notification.latency").timer() != null
                && ledger.meters.find("avain.portal.notification.latency").timer().count() == 1);
        assertThat(ledger.meters.find("avain.portal.notification.delivered").counter().count()).isEqualTo(1);
        assertThat(ledger.changesWaiting()).isZero();
    }

    @Test
    void anAccountSubscriptionHearsOfItsClientsBudgetAndNoOtherClients() {
        Budget mine = ledger.budget();
        Budget theirs = ledger.budget();
        ledger.dispatcher(FAST);
        ledger.subscribe(mine, "Account?patient=Patient/" + mine.clientId(), subscriber.url(), List.of());

        ledger.authorize(theirs, "5411", 500);
        ledger.authorize(mine, "5411", 700);

        await().atMost(PATIENCE).until(() -> subscriber.taken().size() == 1);
        assertThat(subscriber.taken()).containsExactly(payload("Account", mine.id()));
    }

    @Test
    void aLineCriteriaHearsOnlyOfChargesOnThatLine() {
        Budget budget = ledger.budget();
        ledger.dispatcher(FAST);
        ledger.subscribe(budget, "ChargeItem?account=" + budget.shopLine(), subscriber.url(),
                List.of("Authorization: Bearer shop"));
        ledger.subscribe(budget, "ChargeItem?account=Account%2F" + budget.careLine(), subscriber.url(),
                List.of("Authorization: Bearer care"));

        UUID groceries = ledger.authorize(budget, "5411", 900);
        UUID care = ledger.authorize(budget, "8099", 4000);

        await().atMost(PATIENCE).until(() -> subscriber.taken().size() == 2);
        assertThat(subscriber.received()).extracting(Received::authorization, Received::body).containsExactlyInAnyOrder(
                tuple("Bearer shop", payload("ChargeItem", groceries)),
                tuple("Bearer care", payload("ChargeItem", care)));
    }

    @Test
    void aFailingSubscriberIsRetriedWithBackoffShowsErrorAndRecoversInOrder() {
        Budget budget = ledger.budget();
        subscriber.answer(503);
        ledger.dispatcher(FAST);
        StoredSubscription subscription = ledger.subscribe(budget, "ChargeItem?account=" + budget.id(),
                subscriber.url(), List.of("Authorization: Bearer never-in-an-error"));
        List<UUID> charges = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            charges.add(ledger.authorize(budget, "5411", 100 + i));
        }

        await().atMost(PATIENCE).until(() -> ledger.store.find(subscription.id()).orElseThrow().status()
                == SubscriptionStatus.ERROR);
        StoredSubscription failing = ledger.store.find(subscription.id()).orElseThrow();
        assertThat(failing.error()).contains("HTTP 503").doesNotContain("never-in-an-error");
        assertThat(failing.consecutiveFailures()).isGreaterThanOrEqualTo(FAST.failuresBeforeError());
        // Head of line: only the oldest is tried while it fails, each retry no sooner than its backoff.
        List<Received> attempts = subscriber.received();
        assertThat(attempts).extracting(Received::body).containsOnly(payload("ChargeItem", charges.get(0)));
        for (int i = 1; i < attempts.size(); i++) {
            Duration gap = Duration.ofNanos(attempts.get(i).nanoTime() - attempts.get(i - 1).nanoTime());
            assertThat(gap).as("gap before attempt " + (i + 1)).isGreaterThanOrEqualTo(FAST.backoff(i)
                    .minusMillis(5));
        }

        subscriber.answer(200);

        await().atMost(PATIENCE).until(() -> subscriber.taken().size() == 3);
        assertThat(subscriber.taken()).containsExactly(charges.stream().map(c -> payload("ChargeItem", c))
                .toArray(String[]::new));
        await().atMost(PATIENCE).until(() -> ledger.store.find(subscription.id()).orElseThrow().status()
                == SubscriptionStatus.ACTIVE);
        StoredSubscription recovered = ledger.store.find(subscription.id()).orElseThrow();
        assertThat(recovered.error()).isNull();
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(ledger.meters.find("avain.portal.notification.failed").counter().count())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aSubscriberThatRefusesConnectionsGetsEverythingOnceItListensAgain() {
        Budget budget = ledger.budget();
        ledger.dispatcher(FAST);
        StoredSubscription subscription = ledger.subscribe(budget, "ChargeItem?account=" + budget.id(),
                subscriber.url(), List.of());
        subscriber.stop();
        UUID first = ledger.authorize(budget, "5411", 100);
        UUID second = ledger.authorize(budget, "5411", 200);

        await().atMost(PATIENCE).until(() -> "connection refused".equals(lastError(subscription.id())));
        subscriber.start();

        await().atMost(PATIENCE).until(() -> subscriber.taken().size() == 2);
        assertThat(subscriber.taken()).containsExactly(payload("ChargeItem", first), payload("ChargeItem", second));
        await().atMost(PATIENCE).until(() -> ledger.pending(subscription.id()) == 0);
    }

    @Test
    void aRestartLosesNothingAndDeliversEachOnceInOrder() {
        Budget budget = ledger.budget();
        subscriber.answer(503);
        NotificationDispatcher before = ledger.dispatcher(FAST);
        StoredSubscription subscription = ledger.subscribe(budget, "ChargeItem?account=" + budget.id(),
                subscriber.url(), List.of());
        List<UUID> charges = new ArrayList<>();
        charges.add(ledger.authorize(budget, "5411", 100));
        charges.add(ledger.authorize(budget, "5411", 200));
        await().atMost(PATIENCE).until(() -> ledger.pending(subscription.id()) == 2 && !subscriber.received().isEmpty());

        before.stop();
        charges.add(ledger.authorize(budget, "5411", 300));
        charges.add(ledger.authorize(budget, "5411", 400));
        assertThat(ledger.changesWaiting()).isEqualTo(2);
        subscriber.answer(200);
        ledger.dispatcher(FAST);

        await().atMost(PATIENCE).until(() -> subscriber.taken().size() >= 4 && ledger.pending(subscription.id()) == 0);
        assertThat(subscriber.taken()).containsExactly(charges.stream().map(c -> payload("ChargeItem", c))
                .toArray(String[]::new));
        assertThat(ledger.changesWaiting()).isZero();
    }

    @Test
    void aSlowSubscriberDoesNotHoldUpTheOthers() {
        Budget budget = ledger.budget();
        try (Subscriber slow = new Subscriber()) {
            slow.delay(Duration.ofSeconds(3));
            ledger.dispatcher(FAST);
            ledger.subscribe(budget, "ChargeItem?account=" + budget.id(), slow.url(), List.of());
            ledger.subscribe(budget, "ChargeItem?account=" + budget.id(), subscriber.url(), List.of());

            long booked = System.nanoTime();
            UUID charge = ledger.authorize(budget, "5411", 100);

            await().atMost(PATIENCE).until(() -> subscriber.taken().size() == 1);
            assertThat(Duration.ofNanos(subscriber.received().get(0).nanoTime() - booked))
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(subscriber.taken()).containsExactly(payload("ChargeItem", charge));
        }
    }

    @Test
    void aSubscriptionTurnedOffHearsNothingMoreAndDropsWhatItWasOwed() {
        Budget budget = ledger.budget();
        subscriber.answer(503);
        ledger.dispatcher(FAST);
        StoredSubscription off = ledger.subscribe(budget, "ChargeItem?account=" + budget.id(), subscriber.url(),
                List.of("Authorization: Bearer off"));
        ledger.authorize(budget, "5411", 100);
        await().atMost(PATIENCE).until(() -> ledger.pending(off.id()) == 1);

        assertThat(ledger.store.delete(off.id())).isTrue();
        assertThat(ledger.pending(off.id())).isZero();
        subscriber.answer(200);
        try (Subscriber marker = new Subscriber()) {
            ledger.subscribe(budget, "ChargeItem?account=" + budget.id(), marker.url(), List.of());
            UUID later = ledger.authorize(budget, "5411", 200);
            await().atMost(PATIENCE).until(() -> marker.taken().size() == 1);
            assertThat(marker.taken()).containsExactly(payload("ChargeItem", later));
        }
        assertThat(subscriber.taken()).isEmpty();
        assertThat(ledger.store.find(off.id()).orElseThrow().status()).isEqualTo(SubscriptionStatus.OFF);
    }

    @Test
    void twoDispatchersOnOneDatabaseDeliverEachOnceInOrder() {
        Budget budget = ledger.budget();
        ledger.dispatcher(FAST);
        ledger.dispatcher(FAST);
        ledger.subscribe(budget, "ChargeItem?account=" + budget.id(), subscriber.url(), List.of());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add(payload("ChargeItem", ledger.authorize(budget, "5411", 10 + i)));
        }

        await().atMost(PATIENCE).until(() -> subscriber.taken().size() >= 12);
        assertThat(subscriber.taken()).containsExactlyElementsOf(expected);
    }

    @Test
    void deliveredNotificationsArePrunedOnceKeptLongEnough() {
        Budget budget = ledger.budget();
        NotificationDispatcher first = ledger.dispatcher(FAST);
        StoredSubscription subscription = ledger.subscribe(budget, "ChargeItem?account=" + budget.id(),
                subscriber.url(), List.of());
        ledger.authorize(budget, "5411", 100);
        await().atMost(PATIENCE).until(() -> subscriber.taken().size() == 1);
        // Marked delivered once the subscriber's answer is back, a moment after it took the notification.
        await().atMost(PATIENCE).until(() -> delivered(subscription.id()) == 1);
        first.stop();

        ledger.dispatcher(new SubscriptionSettings(true, FAST.pollInterval(), FAST.initialBackoff(), FAST.maxBackoff(),
                3, Duration.ofMillis(1), FAST.connectTimeout(), FAST.requestTimeout(), 4, 100, List.of()));

        await().atMost(PATIENCE).until(() -> delivered(subscription.id()) == 0);
    }

    @Test
    void aSubscriptionPastItsEndTurnsOff() {
        Budget budget = ledger.budget();
        Instant end = Instant.now().plusMillis(300);
        StoredSubscription ending = ledger.store.create(ledger.store.request("ChargeItem?account=" + budget.id(),
                subscriber.url(), List.of(), null, end), PortalLedger.TENANT, budget.clientId(), "citizen-1");
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(end));

        ledger.dispatcher(FAST);
        ledger.authorize(budget, "5411", 100);

        await().atMost(PATIENCE).until(() -> ledger.store.find(ending.id()).orElseThrow().status()
                == SubscriptionStatus.OFF);
        await().atMost(PATIENCE).until(() -> ledger.changesWaiting() == 0);
        assertThat(subscriber.received()).isEmpty();
    }

    @Test
    void aSubscriptionsQueueCostsTwoRoundTripsANotification() {
        Budget budget = ledger.budget();
        StoredSubscription subscription = ledger.subscribe(budget, "ChargeItem?account=" + budget.id(),
                subscriber.url(), List.of());
        int queued = 40;
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < queued; i++) {
            expected.add(ledger.authorize(budget, "5411", 10 + i).toString());
        }
        // Booked before the dispatcher starts, so its first round routes them all and one sender takes the queue.
        CountingDataSource counting = new CountingDataSource(ledger.dataSource, "fhir-notify-");
        JdbcClient db = JdbcClient.create(counting);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(counting));
        NotificationDispatcher dispatcher = new NotificationDispatcher(db, true, tx, new Portal(db,
                new TestClientIdentities()), new SubscriptionStore(db, tx, ledger.cipher, ledger.clock),
                new LedgerPayloads(new Portal(db, new TestClientIdentities()), new ProviderNames(db), FHIR), FAST,
                ledger.clock, new SimpleMeterRegistry());
        try {
            dispatcher.start();
            await().atMost(PATIENCE).until(() -> ledger.pending(subscription.id()) == 0
                    && subscriber.taken().size() == queued);
        } finally {
            dispatcher.stop();
        }

        assertThat(subscriber.taken()).extracting(body -> FHIR.newJsonParser().parseResource(ChargeItem.class, body)
                .getIdElement().getIdPart()).containsExactlyElementsOf(expected);
        // Per notification the charge read, then its delivery and the next claim; the subscription once a run.
        assertThat(counting.count()).isEqualTo(2 * queued + 1);
    }

    /** On PostgreSQL one statement; the statements the sandbox's H2 runs instead must do the same. */
    @ParameterizedTest(name = "in one statement: {0}")
    @ValueSource(booleans = {true, false})
    void aDeliveryClaimsTheSubscriptionsNextHeadAsTheStatementsOneAfterAnotherWould(boolean oneStatement) {
        Budget budget = ledger.budget();
        StoredSubscription subscription = ledger.subscribe(budget, "ChargeItem?account=" + budget.id(),
                subscriber.url(), List.of());
        new DeliveredAndClaimNext(ledger.db, new NotificationQueries(ledger.db, ledger.tx, oneStatement),
                subscription.id()).check();
    }

    private static String lastError(UUID subscriptionId) {
        return ledger.db.sql("""
                        select last_error from fhir_notification where subscription_id = ? and status = 'PENDING'
                        order by id limit 1""")
                .param(subscriptionId).query(String.class).optional().orElse(null);
    }

    private static long delivered(UUID subscriptionId) {
        return ledger.db.sql("select count(*) from fhir_notification where subscription_id = ? and status = 'DELIVERED'")
                .param(subscriptionId).query(Long.class).single();
    }
}
