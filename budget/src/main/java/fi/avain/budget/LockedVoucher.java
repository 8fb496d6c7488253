package fi.avain.budget;

import fi.avain.budget.VoucherRefusedException.Refusal;
import fi.avain.budget.Vouchers.VoucherKind;
import fi.avain.budget.Vouchers.VoucherStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A voucher read under its row lock, and the rules on what it may still do. Each rule throws the
 * refusal the voucher system is answered with.
 *
 * @param released whether the expiry job released what remained after the grace period
 */
record LockedVoucher(String id, String tenant, UUID budgetId, UUID lineId, UUID holdId, VoucherKind kind,
                     VoucherStatus status, long valueCents, long remainingCents, Set<String> serviceClasses,
                     String providerBusinessId, LocalDate validFrom, LocalDate validUntil, String voucherNumber,
                     int reopenings, boolean released) {

    /** Issued or accepted; with {@code expiredAllowed}, expired too. */
    void requireIssued(boolean expiredAllowed) {
        switch (status) {
            case CANCELLED -> throw refused(Refusal.VOUCHER_CANCELLED, "voucher " + id + " was cancelled");
            case REQUESTED, FAILED -> throw refused(Refusal.VOUCHER_NOT_ISSUED,
                    "voucher " + id + " has not been issued");
            case EXPIRED -> {
                if (!expiredAllowed) {
                    throw refused(Refusal.VOUCHER_EXPIRED, "voucher " + id + " has expired");
                }
            }
            default -> {
            }
        }
    }

    /**
     * The provider as a valid business id, if it may use this voucher: the one the voucher names, or for a
     * single-use voucher the one that accepted it first; a multi-use voucher any that accepts it.
     */
    String allowedProvider(String businessId, List<String> accepted) {
        String provider = ServiceRules.businessId(businessId).orElseThrow(() -> refused(Refusal.INVALID_REQUEST,
                "providerBusinessId must be a business id (Y-tunnus) with a valid check digit"));
        if (providerBusinessId != null && !providerBusinessId.equals(provider)) {
            throw refused(Refusal.PROVIDER_NOT_ALLOWED, "voucher " + id + " names another provider");
        }
        if (kind == VoucherKind.SINGLE && !accepted.isEmpty() && !accepted.contains(provider)) {
            throw refused(Refusal.PROVIDER_NOT_ALLOWED,
                    "single-use voucher " + id + " was accepted by another provider");
        }
        return provider;
    }

    /**
     * A service on {@code serviceDate} can be charged {@code today}: the voucher is issued or accepted, or
     * expired but its grace period (for services given while it was valid) still on and nothing released.
     */
    void requireUsable(LocalDate serviceDate, LocalDate today, int graceDays) {
        requireIssued(true);
        if (serviceDate == null) {
            throw refused(Refusal.INVALID_REQUEST, "serviceDate is required");
        }
        if (serviceDate.isBefore(validFrom)) {
            throw refused(Refusal.INVALID_REQUEST, "the service date " + serviceDate + " is before voucher " + id
                    + " is valid from " + validFrom);
        }
        if (serviceDate.isAfter(validUntil)) {
            throw refused(Refusal.VOUCHER_EXPIRED, "the service date " + serviceDate + " is after voucher " + id
                    + " was valid until " + validUntil);
        }
        LocalDate lastDay = validUntil.plusDays(graceDays);
        if (released || today.isAfter(lastDay)) {
            throw refused(Refusal.VOUCHER_EXPIRED, "voucher " + id + " was valid until " + validUntil
                    + " and took events until " + lastDay);
        }
    }

    void requireBalance(long chargedCents) {
        if (remainingCents == 0) {
            throw refused(Refusal.OVER_BALANCE, "nothing remains on voucher " + id);
        }
        if (chargedCents > remainingCents) {
            throw refused(Refusal.OVER_BALANCE, "the event's " + Cents.format(chargedCents)
                    + " EUR exceeds the voucher's remaining balance of " + Cents.format(remainingCents) + " EUR");
        }
    }

    static VoucherRefusedException refused(Refusal refusal, String message) {
        return new VoucherRefusedException(refusal, message);
    }
}
