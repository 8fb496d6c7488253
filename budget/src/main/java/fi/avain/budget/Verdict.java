package fi.avain.budget;

/**
 * The ledger's answer before it is written in a processor's format.
 *
 * @param approvedCents the amount held for this request: the increment of an incremental authorization
 *                      plus what was approved before, i.e. the authorization's approved total; 0 when declined
 * @param reason        null when approved
 */
public record Verdict(String authorizationId, boolean approved, long approvedCents, DeclineReason reason) {

    public static Verdict declined(String authorizationId, DeclineReason reason) {
        return new Verdict(authorizationId, false, 0, reason);
    }
}
