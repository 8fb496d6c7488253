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
import fi.avain.routes.budget.PlanIntake;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobRunner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox's sample tenant: two clients with a plan each (this year), a card on the first budget,
 * and a few card spends sent through the processor simulator over signed HTTP, one of them cleared by
 * a clearing file. Ids are fixed, so a restarted sandbox finds the same samples instead of doubling them.
 */
final class SandboxSamples {
    static final String TENANT = "sandbox-county";
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

    private final PlanIntake plans;
    private final Cards cards;
    private final TransactionTemplate tx;
    private final JobRunner jobs;
    private final Clock clock;

    SandboxSamples(PlanIntake plans, Cards cards, TransactionTemplate tx, JobRunner jobs, Clock clock) {
        this.plans = plans;
        this.cards = cards;
        this.tx = tx;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Creates (or finds) the samples; writes their ids into {@code samples}. */
    void create(ObjectNode samples, ProcessorSimulator processor, String baseUrl) {
        int year = LocalDate.now(clock.withZone(CardAuthorizer.BUDGET_ZONE)).getYear();
        PlanIntake.Received first = plan("sandbox-plan-0001", "010190-123M", "091", "disability", "hb", year);
        plan("sandbox-plan-0002", "150582A987P", "091", "family", "control", year);
        UUID budgetId = first.outcome().budgetId();
        tx.execute(s -> cards.register("stripe", CARD_ID, budgetId, CardStatus.ACTIVE));
        samples.put("tenant", TENANT);
        samples.put("clientPatientId", first.outcome().clientId().toString());
        samples.put("budgetId", budgetId.toString());
        samples.put("cardId", CARD_ID);
        samples.put("allowedMcc", ALLOWED_MCC);
        samples.put("blockedMcc", BLOCKED_MCC);
        if (processor != null) {
            spend(processor, baseUrl);
        }
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
