package fi.avain.connectors.voucher;

import fi.avain.connectors.voucher.system.IssueVoucher;
import fi.avain.connectors.voucher.types.VoucherStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The vouchers the simulator has issued, in memory. Issuing is idempotent twice over, as a voucher
 * system behind X-Road must be: a repeated X-Road id or a repeated voucher id answers the voucher
 * already issued, never a second one.
 */
final class SimulatedVouchers {
    /** One voucher as the voucher system keeps it. */
    record Voucher(String voucherId, String voucherNumber, VoucherStatus status, String providerBusinessId) {
        Voucher withStatus(VoucherStatus newStatus) {
            return new Voucher(voucherId, voucherNumber, newStatus, providerBusinessId);
        }
    }

    /** A request the voucher system turns down, with the code it answers. */
    static final class Refused extends Exception {
        final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    private final Clock clock;
    private final Map<String, Voucher> byVoucherId = new HashMap<>();
    private final Map<String, String> voucherIdByXRoadId = new HashMap<>();
    private long lastNumber;

    SimulatedVouchers(Clock clock) {
        this.clock = clock;
    }

    synchronized Voucher issue(IssueVoucher request, String xroadId) throws Refused {
        String voucherId = voucherIdByXRoadId.getOrDefault(xroadId, request.getVoucherId());
        Voucher voucher = byVoucherId.get(voucherId);
        if (voucher == null) {
            checkValidity(request);
            voucher = new Voucher(voucherId, nextNumber(), VoucherStatus.ISSUED, request.getProviderBusinessId());
            byVoucherId.put(voucherId, voucher);
        }
        voucherIdByXRoadId.putIfAbsent(xroadId, voucherId);
        return voucher;
    }

    synchronized Voucher cancel(String voucherId) throws Refused {
        Voucher voucher = find(voucherId);
        if (voucher.status() == VoucherStatus.EXPIRED) {
            throw new Refused("VOUCHER_EXPIRED", "an expired voucher cannot be cancelled");
        }
        Voucher cancelled = voucher.withStatus(VoucherStatus.CANCELLED);
        byVoucherId.put(voucherId, cancelled);
        return cancelled;
    }

    synchronized Voucher get(String voucherId) throws Refused {
        return find(voucherId);
    }

    synchronized Optional<Voucher> lookup(String voucherId) {
        return Optional.ofNullable(byVoucherId.get(voucherId));
    }

    synchronized int size() {
        return byVoucherId.size();
    }

    /** Marks a voucher accepted by a provider, as the voucher system does when the provider confirms it. */
    synchronized Voucher accept(String voucherId, String providerBusinessId) throws Refused {
        Voucher voucher = find(voucherId);
        Voucher accepted = new Voucher(voucherId, voucher.voucherNumber(), VoucherStatus.ACCEPTED, providerBusinessId);
        byVoucherId.put(voucherId, accepted);
        return accepted;
    }

    private Voucher find(String voucherId) throws Refused {
        Voucher voucher = byVoucherId.get(voucherId);
        if (voucher == null) {
            throw new Refused("VOUCHER_NOT_FOUND", "no voucher with that id");
        }
        return voucher;
    }

    private static void checkValidity(IssueVoucher request) throws Refused {
        if (request.getValidFrom() == null || request.getValidUntil() == null
                || request.getValidUntil().toGregorianCalendar().before(request.getValidFrom().toGregorianCalendar())) {
            throw new Refused("INVALID_VALIDITY", "validUntil must not be before validFrom");
        }
    }

    /** {@code PS-2026-000123}: the year of issue and a running number. */
    private String nextNumber() {
        lastNumber++;
        return String.format("PS-%d-%06d", LocalDate.now(clock).getYear(), lastNumber);
    }
}
