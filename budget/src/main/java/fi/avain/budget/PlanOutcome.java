package fi.avain.budget;

import java.util.UUID;

/**
 * What applying a plan did.
 *
 * @param created true when the plan made a new budget
 * @param changed false when the plan was the same as the budget's current version
 */
public record PlanOutcome(UUID budgetId, UUID clientId, int version, boolean created, boolean changed) {
}
