package fi.avain.budget;

import java.util.UUID;

/**
 * A verdict as recorded and answered.
 *
 * @param duplicate true when the same request was answered before; {@code response} is that answer
 * @param response  the exact body answered to the processor
 */
public record Decision(Verdict verdict, UUID cardId, UUID budgetId, UUID holdId, String tenant, boolean duplicate,
                       String response) {
}
