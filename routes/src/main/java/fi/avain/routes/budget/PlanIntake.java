package fi.avain.routes.budget;

import fi.avain.budget.ClientIdentities;
import fi.avain.budget.LedgerException;
import fi.avain.budget.PlanOutcome;
import fi.avain.budget.Plans;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.budget.CarePlan;
import fi.avain.mappings.budget.CarePlanMapper;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageReplayer;
import fi.avain.routes.messages.MessageStatus;
import fi.avain.routes.messages.MessageStore;
import fi.avain.routes.messages.PersonalDataMasker;
import fi.avain.routes.messages.ReplayOutcome;
import fi.avain.routes.messages.StoredMessage;
import fi.avain.routes.reports.ClientGroupRule;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Care plans in: stored in the message store first, then mapped and applied to the ledger with the
 * message marked processed in the same transaction. A plan that cannot be read or applied is marked
 * in error with its reason and changes nothing else.
 */
@Component
public class PlanIntake implements MessageReplayer {
    public static final String FLOW = "budget-plan";

    private final MessageStore messages;
    private final Plans plans;
    private final ClientIdentities identities;
    private final TransactionTemplate tx;
    private final ClientGroupRule groups;

    PlanIntake(MessageStore messages, Plans plans, ClientIdentities identities, TransactionTemplate tx,
               ClientGroupRule groups) {
        this.messages = messages;
        this.plans = plans;
        this.identities = identities;
        this.tx = tx;
        this.groups = groups;
    }

    public record Received(UUID messageId, PlanOutcome outcome) {
    }

    /** Throws {@link MappingException} or {@link LedgerException} after recording the message's error. */
    public Received receive(byte[] body, String contentType) {
        CarePlan plan = null;
        RuntimeException refusal = null;
        try {
            plan = CarePlanMapper.fromJson(body);
            checkGroup(plan);
        } catch (MappingException e) {
            refusal = e;
        }
        Map<String, String> keys = new HashMap<>();
        if (plan != null) {
            keys.put("planId", plan.planId());
            keys.put("clientHash", identities.pseudonym(plan.client()));
        }
        String sourceId = plan == null ? "unreadable-plan" : plan.tenant() + ":" + plan.planId();
        InboundMessage message = new InboundMessage(FLOW, sourceId, plan == null ? null : plan.tenant(), keys,
                contentType == null ? "application/json" : contentType, body);
        if (refusal != null) {
            messages.record(UUID.randomUUID(), message, MessageStatus.ERROR, refusal.getMessage());
            throw refusal;
        }
        UUID id = messages.receive(message);
        CarePlan mapped = plan;
        try {
            PlanOutcome outcome = tx.execute(status -> {
                PlanOutcome applied = plans.apply(mapped, id);
                if (applied.changed()) {
                    messages.processed(id);
                } else {
                    messages.duplicate(id);
                }
                return applied;
            });
            return new Received(id, outcome);
        } catch (LedgerException e) {
            messages.failed(id, e.getMessage());
            throw e;
        }
    }

    /**
     * The follow-up groups clients by the plan's client group, which the tenant's own code list decides, and
     * shows each line's category: both are labels in the reports, where identity codes never appear.
     */
    private void checkGroup(CarePlan plan) {
        groups.refusal(plan.tenant(), plan.clientGroup()).ifPresent(rule -> {
            throw new MappingException("clientGroup", rule);
        });
        for (int i = 0; i < plan.lines().size(); i++) {
            String category = plan.lines().get(i).category();
            if (category != null && !category.equals(PersonalDataMasker.mask(category))) {
                throw new MappingException("lines[" + i + "].category",
                        "must not hold an identity code: a line's category is a label in the reports");
            }
        }
    }

    /** Keeps a plan that could not even be read as a plan (its envelope was wrong) in error, with the reason. */
    public void refuse(byte[] body, String contentType, String reason) {
        messages.record(UUID.randomUUID(), new InboundMessage(FLOW, "unreadable-plan", null, Map.of(), contentType,
                body), MessageStatus.ERROR, reason);
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public ReplayOutcome replay(StoredMessage message) {
        CarePlan plan;
        try {
            plan = CarePlanMapper.fromJson(message.body());
            checkGroup(plan);
        } catch (MappingException e) {
            return ReplayOutcome.failed(e.getMessage());
        }
        try {
            PlanOutcome outcome = tx.execute(status -> plans.apply(plan, message.id()));
            return outcome.changed() ? ReplayOutcome.processed() : ReplayOutcome.duplicate();
        } catch (LedgerException e) {
            return ReplayOutcome.failed(e.getMessage());
        }
    }
}
