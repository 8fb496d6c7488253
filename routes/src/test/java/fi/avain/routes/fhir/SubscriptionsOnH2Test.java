package fi.avain.routes.fhir;

import static fi.avain.routes.fhir.PortalLedger.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.avain.budget.Corrections;
import fi.avain.budget.Plans;
import fi.avain.mappings.budget.CarePlanMapper;
import fi.avain.mappings.fhir.Grant;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application's wiring on the sandbox's database (H2 in PostgreSQL mode): the ledger bean tells the
 * dispatcher, which starts and stops with the context, and every query it runs works on H2 too.
 */
class SubscriptionsOnH2Test {
    static final Duration PATIENCE = Duration.ofSeconds(10);
    static final AtomicInteger CLIENTS = new AtomicInteger();
    static ConfigurableApplicationContext context;
    Subscriber subscriber;
    UUID budgetId;
    UUID clientId;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(SubscriptionTestApplication.class).web(WebApplicationType.NONE)
                .properties("spring.datasource.url=jdbc:h2:mem:subscriptions-" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "spring.datasource.username=sa",
                        "avain.messages.encryption-key=BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=",
                        "avain.portal.subscriptions.poll-interval=5s",
                        "avain.portal.subscriptions.initial-backoff=20ms",
                        "avain.portal.subscriptions.max-backoff=100ms",
                        "avain.portal.subscriptions.failures-before-error=2",
                        "avain.portal.subscriptions.request-timeout=1s")
                .run();
    }

    @AfterAll
    static void stop() {
        NotificationDispatcher dispatcher = context.getBean(NotificationDispatcher.class);
        context.close();
        assertThat(dispatcher.isRunning()).isFalse();
    }

    @BeforeEach
    void budget() {
        subscriber = new Subscriber();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Helsinki"));
        String plan = """
                {"planId": "%s", "tenant": "t1", "client": {"identityCode": "%s"}, "clientGroup": "elderly",
                 "cohort": "hb", "period": {"start": "%s", "end": "%s"},
                 "lines": [{"code": "shop", "category": "Ostokset", "allocated": "500.00", "channels": ["card"],
                            "merchantCategoryCodes": ["5411"]}]}"""
                .formatted("plan-" + UUID.randomUUID(), PortalLedger.hetu(CLIENTS.incrementAndGet()),
                        today.minusDays(1), today.plusDays(100));
        budgetId = bean(TransactionTemplate.class).execute(s -> bean(Plans.class)
                .apply(CarePlanMapper.fromJson(plan.getBytes(StandardCharsets.UTF_8)), UUID.randomUUID())).budgetId();
        clientId = bean(JdbcClient.class).sql("select client_id from budget where id = ?").param(budgetId)
                .query(UUID.class).single();
        bean(TestPortalAccess.class).as("citizen-1").allow(clientId, Grant.BUDGET, Grant.SPENDS);
        // The plan's own movements are routed before the test subscribes, so they reach no one.
        await().atMost(PATIENCE).until(() -> bean(JdbcClient.class).sql("select count(*) from ledger_change")
                .query(Long.class).single() == 0);
    }

    @AfterEach
    void close() {
        subscriber.close();
    }

    @Test
    void aCorrectionBookedThroughTheApplicationsLedgerReachesBothKindsOfSubscriber() {
        assertThat(bean(NotificationDispatcher.class).isRunning()).isTrue();
        subscribe("Account?patient=Patient/" + clientId);
        subscribe("ChargeItem?account=Account/" + budgetId);

        long booked = System.nanoTime();
        UUID movement = correct("c-" + UUID.randomUUID(), 1500);

        await().atMost(PATIENCE).until(() -> subscriber.taken().size() == 2);
        assertThat(Duration.ofNanos(subscriber.received().get(1).nanoTime() - booked)).isLessThan(Duration.ofSeconds(1));
        assertThat(subscriber.taken()).containsExactlyInAnyOrder(payload("Account", budgetId),
                payload("ChargeItem", movement));
    }

    @Test
    void failuresTurnTheSubscriptionToErrorAndASuccessBackToActive() {
        subscriber.answer(500);
        String id = subscribe("ChargeItem?account=" + budgetId);
        UUID first = correct("c-" + UUID.randomUUID(), 100);
        SubscriptionStore store = bean(SubscriptionStore.class);

        await().atMost(PATIENCE).until(() -> store.find(UUID.fromString(id)).orElseThrow().status()
                == SubscriptionStatus.ERROR);
        assertThat(store.find(UUID.fromString(id)).orElseThrow().error()).isEqualTo("delivery failing: HTTP 500");
        subscriber.answer(204);
        UUID second = correct("c-" + UUID.randomUUID(), 200);

        await().atMost(PATIENCE).until(() -> subscriber.taken().size() == 2);
        assertThat(subscriber.taken()).containsExactly(payload("ChargeItem", first), payload("ChargeItem", second));
        await().atMost(PATIENCE).until(() -> store.find(UUID.fromString(id)).orElseThrow().status()
                == SubscriptionStatus.ACTIVE);
    }

    @Test
    void subscriptionsPastTheirEndTurnOffAndDeliveredNotificationsArePruned() {
        String id = subscribe("ChargeItem?account=" + budgetId);
        correct("c-" + UUID.randomUUID(), 100);
        await().atMost(PATIENCE).until(() -> subscriber.taken().size() == 1);
        JdbcClient jdbc = bean(JdbcClient.class);
        Instant now = Instant.now();
        jdbc.sql("update fhir_subscription set end_at = ? where id = ?")
                .params(Timestamp.from(now.minusSeconds(1)), UUID.fromString(id)).update();
        NotificationQueries queries = new NotificationQueries(jdbc, bean(TransactionTemplate.class), false);

        Integer ended = bean(TransactionTemplate.class).execute(s -> queries.endExpired(now));
        int pruned = queries.prune(now.plusSeconds(1), 10);

        assertThat(ended).isEqualTo(1);
        assertThat(bean(SubscriptionStore.class).find(UUID.fromString(id)).orElseThrow().status())
                .isEqualTo(SubscriptionStatus.OFF);
        assertThat(pruned).isPositive();
        assertThat(jdbc.sql("select count(*) from fhir_notification where subscription_id = ?")
                .param(UUID.fromString(id)).query(Long.class).single()).isZero();
    }

    @Test
    void aDeliveryClaimsTheSubscriptionsNextHeadInOrder() {
        String id = subscribe("ChargeItem?account=" + budgetId);
        JdbcClient jdbc = bean(JdbcClient.class);

        new DeliveredAndClaimNext(jdbc, new NotificationQueries(jdbc, bean(TransactionTemplate.class), false),
                UUID.fromString(id)).check();
    }

    private String subscribe(String criteria) {
        Subscription subscription = new Subscription();
        subscription.setCriteria(criteria);
        subscription.getChannel().setType(SubscriptionChannelType.RESTHOOK).setEndpoint(subscriber.url())
                .setPayload("application/fhir+json");
        return bean(SubscriptionProvider.class).create(subscription).getId().getIdPart();
    }

    private UUID correct(String correctionId, long cents) {
        return bean(TransactionTemplate.class).execute(s -> bean(Corrections.class)
                .correct(budgetId, "shop", Corrections.Kind.SPEND, cents, correctionId, UUID.randomUUID())).orElseThrow();
    }

    private static <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
