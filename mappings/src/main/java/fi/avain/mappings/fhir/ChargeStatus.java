package fi.avain.mappings.fhir;

/**
 * Where a charge stands: {@code PLANNED} a hold (authorization, reserved voucher, declaration
 * waiting for approval), {@code BILLABLE} accepted but not yet settled, {@code BILLED} spent,
 * {@code ABORTED} released, reversed, expired or rejected.
 */
public enum ChargeStatus {
    PLANNED, BILLABLE, BILLED, ABORTED
}
