package fi.avain.mappings.model;

/** How a client may pay for a service. */
public enum FundingMode {
    PUBLIC,
    VOUCHER,
    PERSONAL_BUDGET,
    SELF_PAID,
    FREE
}
