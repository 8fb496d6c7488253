package fi.avain.routes.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.budget.CardAuthorizer;
import fi.avain.budget.CardStatus;
import fi.avain.budget.Cards;
import fi.avain.connectors.card.ClearingFileWriter;
import fi.avain.connectors.card.ProcessorClient;
import fi.avain.connectors.card.ProcessorSimulator;
import fi.avain.connectors.card.Purchase;
import fi.avain.mappings.card.ClearingRecord;
import fi.avain.mappings.card.ClearingType;
import fi.avain.mappings.model.Money;
import fi.avain.budget.Representatives;
import fi.avain.budget.Vouchers;
import fi.avain.mappings.fhir.Grant;
import fi.avain.mappings.model.Hetu;
import fi.avain.budget.Vouchers.VoucherKind;
import fi.avain.budget.Vouchers.VoucherStatus;
import fi.avain.budget.Vouchers.VoucherView;
import fi.avain.connectors.voucher.VoucherEventsSender;
import fi.avain.connectors.voucher.VoucherSystemSimulator;
import fi.avain.connectors.voucher.events.ServiceEventRecorded;
import fi.avain.connectors.voucher.events.VoucherAccepted;
import fi.avain.routes.budget.PlanIntake;
import fi.avain.routes.voucher.VoucherService;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobRunner;
import java.net.URI;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox's sample tenant: two clients with a plan each (this year), four more HB clients with plans
 * for the cost and impact follow-up (see {@link SandboxFollowUp}), a card on the first budget that
 * answers both authorization formats,
 * and a few card spends sent through the processor simulator over signed HTTP, one of them cleared by
 * a clearing file; two vouchers issued by the voucher system simulator over SOAP, one of them accepted
 * and spent by a provider's service event, the other open for the examples in docs/examples/vouchers.
 * Ids are fixed, so a restarted sandbox finds the same samples instead of doubling them.
 */
final class SandboxSamples {
    static final String TENANT = "sandbox-county";
    /** The sample client's identity code, and a second person's (the representative the portal's tokens name). */
    static final String CLIENT_HETU = "010190-123M";
    static final String REPRESENTATIVE_HETU = "131052-308T";
    /** The second sample client's: a family in the control cohort, with a plan but no spends. */
    static final String CONTROL_HETU = "150582A987P";
    static final String CARD_ID = "ic_sandbox_card_0001";
    static final String ALLOWED_MCC = "8099";
    static final String BLOCKED_MCC = "7995";
    private static final Logger log = LoggerFactory.getLogger(SandboxSamples.class);
    private static final String PLAN = """
            {"planId": "%s", "tenant": "%s",
             "client": {"identityCode": "%s", "homeMunicipality": "%s"},
             "clientGroup": "%s", "cohort": "%s", "period": {"start": "%d-01-01", "end": "%d-12-31"},
             "lines": [
               {"code": "daily-living", "category": "Päivittäisen elämän tuki", "allocated": "3000.00",
                "serviceClasses": ["http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.1"],
                "merchantCategoryCodes": ["8099", "8050", "5912"], "channels": ["card", "voucher", "declaration"],
                "perTransactionLimit": "500.00", "perDayLimit": "800.00"},
               {"code": "leisure", "category": "Harrastukset ja vapaa-aika", "allocated": "600.00",
                "merchantCategoryCodes": ["7997", "7941", "7832"], "channels": ["card"]},
               {"code": "respite", "category": "Omaishoidon vapaat", "allocated": "1500.00",
                "serviceClasses": ["http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.4"],
                "channels": ["voucher", "invoice"], "clientShareCharged": true}
             ]}""";

    static final String PROVIDER = "2345678-0";
    private static final Set<VoucherStatus> OPEN = Set.of(VoucherStatus.REQUESTED, VoucherStatus.ISSUED,
            VoucherStatus.ACCEPTED);
    private static final Set<VoucherStatus> CLOSED = Set.of(VoucherStatus.CANCELLED, VoucherStatus.EXPIRED);
    /** A bound on the walk past closed sample vouchers, each one a run of the examples. */
    private static final int MAX_SAMPLE_VOUCHERS = 100_000;

    private final PlanIntake plans;
    private final Cards cards;
    private final TransactionTemplate tx;
    private final JobRunner jobs;
    private final Clock clock;
    private final VoucherService vouchers;
    private final Vouchers ledgerVouchers;
    private final Representatives representatives;

    SandboxSamples(PlanIntake plans, Cards cards, TransactionTemplate tx, JobRunner jobs, Clock clock,
                   VoucherService vouchers, Vouchers ledgerVouchers, Representatives representatives) {
        this.representatives = representatives;
        this.plans = plans;
        this.cards = cards;
        this.tx = tx;
        this.jobs = jobs;
        this.clock = clock;
        this.vouchers = vouchers;
        this.ledgerVouchers = ledgerVouchers;
    }

    /** Creates (or finds) the samples; writes their ids into {@code samples}. */
    void create(ObjectNode samples, ProcessorSimulator processor, VoucherSystemSimulator voucherSystem,
                String baseUrl) {
        int year = LocalDate.now(clock.withZone(CardAuthorizer.BUDGET_ZONE)).getYear();
        PlanIntake.Received first = plan("sandbox-plan-0001", CLIENT_HETU, "091", "disability", "hb", year);
        plan("sandbox-plan-0002", CONTROL_HETU, "091", "family", "control", year);
        // four more HB clients in the disability group, so that the follow-up has a group of five per cohort
        for (int i = 0; i < SandboxFollowUp.MORE_HB.size(); i++) {
            SandboxFollowUp.Client client = SandboxFollowUp.MORE_HB.get(i);
            plan("sandbox-plan-%04d".formatted(3 + i), client.hetu(), client.municipality(), client.group(), "hb", year);
        }
        UUID budgetId = first.outcome().budgetId();
        // the examples of both authorization formats, generic and Stripe's, run on this one card
        tx.execute(s -> cards.registerForAnyProcessor(CARD_ID, budgetId, CardStatus.ACTIVE));
        samples.put("tenant", TENANT);
        samples.put("clientPatientId", first.outcome().clientId().toString());
        // the representative may follow the budget and its spends, but not decide declarations
        samples.put("representativeId", tx.execute(s -> representatives.grant(new Representatives.GrantRequest(
                first.outcome().clientId(), Hetu.parse(REPRESENTATIVE_HETU), "Maija Meikäläinen", "POWATT",
                Set.of(Grant.BUDGET, Grant.SPENDS), null, null))).id().toString());
        samples.put("budgetId", budgetId.toString());
        samples.put("cardId", CARD_ID);
        samples.put("allowedMcc", ALLOWED_MCC);
        samples.put("blockedMcc", BLOCKED_MCC);
        if (processor != null) {
            spend(processor, baseUrl);
        }
        if (voucherSystem != null) {
            vouchers(samples, budgetId, year, voucherSystem, baseUrl);
        }
    }

    /** The cost and impact follow-up's costs and outcomes, imported from files under {@code data/samples/}. */
    void followUp(ObjectNode samples, Path dataDir) {
        new SandboxFollowUp(jobs, clock).create(samples, dataDir);
    }

    /**
     * The open sample voucher (a multi-use one on the respite line) that the examples act on, and a
     * single-use one that a provider has accepted and used once. An open voucher is reused; one the
     * examples already cancelled or expired is followed by a new one, however many times they ran.
     */
    private void vouchers(ObjectNode samples, UUID budgetId, int year, VoucherSystemSimulator voucherSystem,
                          String baseUrl) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate until = LocalDate.of(year, 12, 31);
        try {
            String key = openSampleVoucherKey(k -> ledgerVouchers.findByRequestKey(k).map(VoucherView::status));
            VoucherView v = vouchers.request(new Vouchers.VoucherRequest(budgetId, "respite", Set.of(),
                    VoucherKind.MULTI, 0, 0, 50_000, from, until, null, key), "sandbox");
            if (OPEN.contains(v.status())) {
                samples.put("voucherId", v.id());
            }
            VoucherView demo = vouchers.request(new Vouchers.VoucherRequest(budgetId, "daily-living", Set.of(),
                    VoucherKind.SINGLE, 4_000, 3, 0, from, until, PROVIDER, "sandbox-voucher-demo"), "sandbox");
            samples.put("demoVoucherId", demo.id());
            if (ledgerVouchers.events(demo.id()).isEmpty()) {
                try (VoucherEventsSender sender = voucherSystem.events(baseUrl + "/soap/vouchers")) {
                    VoucherAccepted accepted = new VoucherAccepted();
                    accepted.setVoucherId(demo.id());
                    accepted.setProviderBusinessId(PROVIDER);
                    sender.accepted(accepted, "sandbox-provider");
                    ServiceEventRecorded event = new ServiceEventRecorded();
                    event.setVoucherId(demo.id());
                    event.setEventId("sandbox-event-0001");
                    event.setProviderBusinessId(PROVIDER);
                    event.setServiceClass("http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.1");
                    event.setQuantity(BigInteger.ONE);
                    event.setPrice(new BigDecimal("52.00"));
                    event.setChargedToVoucher(new BigDecimal("40.00"));
                    event.setClientShare(new BigDecimal("12.00"));
                    event.setDescription("Kotihoidon käynti");
                    sender.serviceEvent(event, "sandbox-provider");
                }
            }
        } catch (Exception e) {
            log.warn("sandbox sample vouchers not made: {}", e.toString());
        }
    }

    /**
     * The request key of the sample voucher the examples act on: the examples cancel it, so past the
     * sample vouchers they closed, the first that is not closed, or the next one to ask for.
     */
    static String openSampleVoucherKey(Function<String, Optional<VoucherStatus>> statusOf) {
        int n = 1;
        while (n < MAX_SAMPLE_VOUCHERS && statusOf.apply(sampleVoucherKey(n)).filter(CLOSED::contains).isPresent()) {
            n++;
        }
        return sampleVoucherKey(n);
    }

    private static String sampleVoucherKey(int n) {
        return "sandbox-voucher-%04d".formatted(n);
    }

    private PlanIntake.Received plan(String planId, String hetu, String municipality, String group, String cohort,
                                     int year) {
        String json = PLAN.formatted(planId, TENANT, hetu, municipality, group, cohort, year, year);
        return plans.receive(json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** Three purchases through the processor simulator (signed, over HTTP); the first one cleared. */
    private void spend(ProcessorSimulator processor, String baseUrl) {
        processor.target(URI.create(baseUrl));
        ProcessorClient client = processor.client();
        try {
            ProcessorClient.Answer pharmacy = client.authorizeGeneric(new Purchase("sandbox-auth-0001", CARD_ID,
                    Money.parse("38.90"), "5912", "Apteekki Kallio", false));
            client.authorizeStripe(new Purchase("iauth_sandbox_0002", CARD_ID, Money.parse("120.00"), ALLOWED_MCC,
                    "Fysioterapia Oy", false));
            client.authorizeGeneric(new Purchase("sandbox-auth-0003", CARD_ID, Money.parse("25.00"), BLOCKED_MCC,
                    "Vedonlyönti", false));
            if (pharmacy.approved()) {
                ClearingFileWriter writer = processor.clearing();
                writer.append(new ClearingRecord("sandbox-clearing-0001", ClearingType.CAPTURE, "sandbox-auth-0001",
                        CARD_ID, Money.parse("38.90"), "5912", "Apteekki Kallio", clock.instant(),
                        LocalDate.now(clock.withZone(CardAuthorizer.BUDGET_ZONE)), null));
                writer.close();
                // the file is in the clearing directory: the job applies it and moves it to processed/
                jobs.run("card-clearing", Map.of(), JobProgress.NONE);
            }
        } catch (RuntimeException e) {
            log.warn("sandbox sample card spends not made: {}", e.toString());
        }
    }
}
