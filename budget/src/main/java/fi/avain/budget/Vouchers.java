package fi.avain.budget;

import static fi.avain.budget.LockedVoucher.refused;

import fi.avain.budget.VoucherRefusedException.Refusal;
import fi.avain.mappings.budget.Channel;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Vouchers against the ledger, each method in the caller's transaction. A voucher reserves its value on
 * a line when requested (a hold, channel {@code voucher}); the voucher system's service events capture
 * from that hold, the client's own share (omavastuu) beside it; a cancellation releases what remains at
 * once, an expiry after a grace period in which providers may still record services given before it.
 * Every refusal is thrown before anything is written, and a repeat of what was done before changes nothing.
 * Locks are taken voucher first, line second, as everywhere else that touches a voucher.
 */
public final class Vouchers {
    public static final int DEFAULT_GRACE_DAYS = 30;
    private static final int MAX_TEXT = 1000;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum VoucherKind { SINGLE, MULTI }

    public enum VoucherStatus { REQUESTED, ISSUED, ACCEPTED, CANCELLED, EXPIRED, FAILED }

    public enum EventResult { APPLIED, PENDING_APPROVAL, DUPLICATE }

    public enum EventStatus { APPLIED, PENDING_APPROVAL, REJECTED }

    /**
     * A voucher to reserve. SINGLE is worth {@code unitValueCents × quantity}; MULTI is worth
     * {@code balanceCents}, its unit value optional (0: none). No service classes: the line's.
     */
    public record VoucherRequest(UUID budgetId, String lineCode, Set<String> serviceClasses, VoucherKind kind,
                                 long unitValueCents, int quantity, long balanceCents, LocalDate validFrom,
                                 LocalDate validUntil, String providerBusinessId, String requestKey) {
    }

    /** A service given on a voucher: its price is what the voucher pays plus the client's share. */
    public record ServiceEvent(String voucherId, String eventId, String providerBusinessId, LocalDate serviceDate,
                               String serviceClass, int quantity, long priceCents, long chargedCents,
                               long clientShareCents, boolean needsApproval, String description) {
    }

    public record EventOutcome(String voucherId, String eventId, EventResult result, long chargedCents,
                               long clientShareBookedCents, long remainingCents, UUID declarationId) {
    }

    public record VoucherView(String id, String tenant, UUID budgetId, String lineCode, VoucherKind kind,
                              VoucherStatus status, long unitValueCents, int quantity, long valueCents,
                              long remainingCents, long spentCents, Set<String> serviceClasses,
                              String providerBusinessId, List<String> acceptedBy, LocalDate validFrom,
                              LocalDate validUntil, String voucherNumber, String failureReason, Instant createdAt,
                              Instant updatedAt) {
        VoucherView withAcceptedBy(List<String> providers) {
            return new VoucherView(id, tenant, budgetId, lineCode, kind, status, unitValueCents, quantity, valueCents,
                    remainingCents, spentCents, serviceClasses, providerBusinessId, List.copyOf(providers), validFrom,
                    validUntil, voucherNumber, failureReason, createdAt, updatedAt);
        }
    }

    /** An event as recorded, with the voucher's remaining balance right after it. */
    public record EventView(String voucherId, String eventId, String providerBusinessId, LocalDate serviceDate,
                            String serviceClass, int quantity, long priceCents, long chargedCents,
                            long clientShareCents, long clientShareBookedCents, long remainingAfterCents,
                            EventStatus status, UUID declarationId, String description, Instant createdAt) {
    }

    private final Ledger ledger;
    private final Holds holds;
    private final VoucherQueries vouchers;
    private final VoucherEvents events;
    private final int graceDays;

    public Vouchers(JdbcClient db, Ledger ledger) {
        this(db, ledger, DEFAULT_GRACE_DAYS);
    }

    /** @param graceDays days after a voucher's last valid day in which events of its validity are still taken */
    public Vouchers(JdbcClient db, Ledger ledger, int graceDays) {
        if (graceDays < 0) {
            throw new IllegalArgumentException("the grace period cannot be negative");
        }
        this.ledger = ledger;
        this.holds = new Holds(db, ledger);
        this.vouchers = new VoucherQueries(db, ledger);
        this.events = new VoucherEvents(holds, vouchers, new DeclarationQueries(db, ledger));
        this.graceDays = graceDays;
    }

    /**
     * Reserves the voucher's value on its line, status REQUESTED; a repeat of the request key answers the
     * same voucher.
     */
    public VoucherView reserve(VoucherRequest r, UUID sourceMessageId) {
        if (r == null) {
            throw new InvalidRequestException("a voucher request is required");
        }
        String key = required(r.requestKey(), "requestKey");
        Optional<String> earlier = vouchers.idByRequestKey(key);
        if (earlier.isPresent()) {
            return sameRequest(earlier.get(), r);
        }
        String tenant = holds.tenant(r.budgetId());
        LineState line = holds.lockLine(r.budgetId(), r.lineCode(), Channel.VOUCHER);
        VoucherTerms terms = VoucherTerms.of(r, line);
        if (line.availableCents() < terms.valueCents()) {
            throw new InsufficientFundsException(line.code(), line.availableCents(), terms.valueCents());
        }
        String id = newId();
        if (!vouchers.insert(new VoucherQueries.NewVoucher(id, tenant, r.budgetId(), line.id(), r.kind(),
                r.unitValueCents(), r.quantity(), terms.valueCents(), terms.serviceClasses(),
                terms.providerBusinessId(), r.validFrom(), r.validUntil(), key, sourceMessageId))) {
            // a concurrent twin of this request committed first
            return sameRequest(vouchers.idByRequestKey(key).orElseThrow(), r);
        }
        UUID holdId = holds.open(r.budgetId(), line.id(), Holds.VOUCHER, id, terms.valueCents());
        vouchers.attachHold(id, holdId);
        holds.book(r.budgetId(), MovementKind.HOLD, "voucher:reserve:" + id, sourceMessageId, Holds.VOUCHER, id,
                List.of(Holds.hold(line.id(), terms.valueCents())));
        return view(id);
    }

    /** The voucher system issued the voucher under its own number; the same number again changes nothing. */
    public VoucherView issued(String voucherId, String voucherNumber) {
        if (voucherNumber == null || voucherNumber.isBlank()) {
            throw refused(Refusal.INVALID_REQUEST, "voucherNumber is required");
        }
        String number = voucherNumber.strip();
        LockedVoucher v = lock(voucherId);
        if (v.voucherNumber() != null) {
            if (!v.voucherNumber().equals(number)) {
                throw refused(Refusal.INVALID_REQUEST, "voucher " + v.id() + " was issued under another number");
            }
            return view(v.id());
        }
        switch (v.status()) {
            case REQUESTED -> vouchers.issued(v.id(), number);
            case FAILED -> throw refused(Refusal.VOUCHER_NOT_ISSUED, "voucher " + v.id()
                    + " failed to be issued and holds nothing; reopen it first");
            default -> v.requireIssued(false);
        }
        return view(v.id());
    }

    /** Issuing failed: the whole reservation returns to the line, status FAILED. */
    public VoucherView issueFailed(String voucherId, String reason) {
        LockedVoucher v = lock(voucherId);
        if (v.status() == VoucherStatus.FAILED) {
            return view(v.id());
        }
        if (v.status() != VoucherStatus.REQUESTED) {
            v.requireIssued(false);
            throw refused(Refusal.INVALID_REQUEST, "voucher " + v.id() + " was issued; only a requested voucher can fail");
        }
        // each reopening reserves anew, so each failure releases under a key of its own
        String key = "voucher:issue-failed:" + v.id() + (v.reopenings() == 0 ? "" : ":" + v.reopenings());
        releaseRemaining(v, MovementKind.RELEASE, key, null, "CLOSED");
        vouchers.failed(v.id(), bounded(reason == null || reason.isBlank() ? "not given" : reason.strip()));
        return view(v.id());
    }

    /** A failed voucher reserved again for a replayed issue request; a repeat reserves nothing more. */
    public VoucherView reopen(String voucherId) {
        LockedVoucher v = lock(voucherId);
        if (v.status() == VoucherStatus.CANCELLED || v.status() == VoucherStatus.EXPIRED) {
            v.requireIssued(false);
        }
        if (v.status() != VoucherStatus.FAILED) {
            return view(v.id());
        }
        LineState line = holds.lockLine(v.lineId());
        if (line.availableCents() < v.valueCents()) {
            throw new InsufficientFundsException(line.code(), line.availableCents(), v.valueCents());
        }
        int reopenings = v.reopenings() + 1;
        holds.book(v.budgetId(), MovementKind.HOLD, "voucher:reopen:" + v.id() + ":" + reopenings, null,
                Holds.VOUCHER, v.id(), List.of(Holds.hold(line.id(), v.valueCents())));
        holds.restore(v.holdId(), v.valueCents());
        vouchers.reopened(v.id(), reopenings);
        return view(v.id());
    }

    /**
     * A provider accepted the voucher ({@code acceptedOn} null: today); a repeat by the same provider
     * changes nothing.
     */
    public VoucherView accept(String voucherId, String providerBusinessId, LocalDate acceptedOn) {
        LockedVoucher v = lock(voucherId);
        v.requireIssued(false);
        LocalDate on = acceptedOn == null ? today() : acceptedOn;
        if (on.isAfter(v.validUntil())) {
            throw refused(Refusal.VOUCHER_EXPIRED, "voucher " + v.id() + " was valid until " + v.validUntil()
                    + ", not on " + on);
        }
        List<String> accepted = vouchers.providers(v.id());
        String provider = v.allowedProvider(providerBusinessId, accepted);
        if (!accepted.contains(provider)) {
            vouchers.accept(v.id(), provider, on);
        }
        vouchers.accepted(v);
        return view(v.id());
    }

    /**
     * Records a service given on the voucher: captures what the voucher pays (and, when the line pays it,
     * the client's share) or, when the event needs approval, moves it to a pending declaration. A repeat
     * of the event id answers the first outcome as DUPLICATE.
     */
    public EventOutcome recordEvent(ServiceEvent e, UUID sourceMessageId) {
        if (e == null) {
            throw refused(Refusal.INVALID_REQUEST, "an event is required");
        }
        return events.record(lock(e.voucherId()), e, today(), graceDays, sourceMessageId);
    }

    /** Releases what remains, status CANCELLED; a repeat, or a cancel of a failed voucher, changes nothing. */
    public VoucherView cancel(String voucherId, String key, UUID sourceMessageId) {
        LockedVoucher v = lock(voucherId);
        if (v.status() == VoucherStatus.CANCELLED || v.status() == VoucherStatus.FAILED) {
            return view(v.id());
        }
        releaseRemaining(v, MovementKind.RELEASE, "voucher:cancel:" + v.id(), sourceMessageId, "CLOSED");
        vouchers.cancelled(v.id(), key == null ? null : bounded(key.strip()));
        return view(v.id());
    }

    /**
     * Status EXPIRED ({@code expiredOn} null: today); what remains stays held for the grace period (see
     * {@link #releaseExpired}). Books no movement, so {@code sourceMessageId} keys nothing.
     */
    public VoucherView expire(String voucherId, LocalDate expiredOn, UUID sourceMessageId) {
        LockedVoucher v = lock(voucherId);
        if (v.status() == VoucherStatus.CANCELLED) {
            throw refused(Refusal.VOUCHER_CANCELLED, "voucher " + v.id() + " was cancelled");
        }
        LocalDate on = expiredOn == null ? today() : expiredOn;
        if (v.status() != VoucherStatus.EXPIRED && v.status() != VoucherStatus.FAILED) {
            vouchers.expired(v.id(), on);
        }
        return view(v.id());
    }

    /** Issued or accepted vouchers whose last valid day is before {@code today}, at most {@code limit}. */
    public List<String> dueToExpire(LocalDate today, int limit) {
        return vouchers.dueToExpire(today, limit);
    }

    /** Expired vouchers still holding money whose grace period ended before {@code today}, at most {@code limit}. */
    public List<String> dueForRelease(LocalDate today, int graceDays, int limit) {
        return vouchers.dueForRelease(today.minusDays(graceDays), limit);
    }

    /** Releases what an expired voucher still holds once its grace period is over; answers the cents released. */
    public long releaseExpired(String voucherId, LocalDate today, int graceDays) {
        Optional<LockedVoucher> found = voucherId == null ? Optional.empty() : vouchers.lock(voucherId);
        if (found.isEmpty()) {
            return 0;
        }
        LockedVoucher v = found.get();
        if (v.status() != VoucherStatus.EXPIRED || v.released() || v.remainingCents() == 0
                || !v.validUntil().isBefore(today.minusDays(graceDays))) {
            return 0;
        }
        releaseRemaining(v, MovementKind.EXPIRY, "voucher:expiry:" + v.id(), null, "EXPIRED");
        vouchers.released(v.id());
        return v.remainingCents();
    }

    public Optional<VoucherView> find(String voucherId) {
        return voucherId == null ? Optional.empty() : vouchers.view(voucherId);
    }

    /** The voucher reserved under this request key, if any. */
    public Optional<VoucherView> findByRequestKey(String requestKey) {
        return requestKey == null ? Optional.empty() : vouchers.idByRequestKey(requestKey).flatMap(vouchers::view);
    }

    /** The voucher's events in the order they were recorded. */
    public List<EventView> events(String voucherId) {
        return voucherId == null ? List.of() : vouchers.events(voucherId);
    }

    public Optional<String> tenantOf(String voucherId) {
        return voucherId == null ? Optional.empty() : vouchers.tenantOf(voucherId);
    }

    private void releaseRemaining(LockedVoucher v, MovementKind kind, String key, UUID sourceMessageId,
                                  String holdStatus) {
        if (v.remainingCents() > 0) {
            holds.book(v.budgetId(), kind, key, sourceMessageId, Holds.VOUCHER, v.id(),
                    List.of(Holds.release(v.lineId(), v.remainingCents())));
            holds.empty(v.holdId(), holdStatus);
        }
    }

    /** The voucher a request key made, if this request is the same one again. */
    private VoucherView sameRequest(String id, VoucherRequest r) {
        VoucherView v = view(id);
        boolean same = v.budgetId().equals(r.budgetId()) && v.kind() == r.kind()
                && v.lineCode().equals(r.lineCode() == null ? null : r.lineCode().strip())
                && v.valueCents() == VoucherTerms.requestedValue(r);
        if (!same) {
            throw new InvalidRequestException("requestId (or the Idempotency-Key) was used before for another voucher request");
        }
        return v;
    }

    private LockedVoucher lock(String voucherId) {
        return (voucherId == null ? Optional.<LockedVoucher>empty() : vouchers.lock(voucherId.strip()))
                .orElseThrow(() -> refused(Refusal.UNKNOWN_VOUCHER, "no voucher " + voucherId));
    }

    private VoucherView view(String id) {
        return vouchers.view(id).orElseThrow();
    }

    private LocalDate today() {
        return ledger.now().atZone(CardAuthorizer.BUDGET_ZONE).toLocalDate();
    }

    private static String newId() {
        StringBuilder id = new StringBuilder("V-");
        for (int i = 0; i < 12; i++) {
            id.append(BASE32.charAt(RANDOM.nextInt(BASE32.length())));
        }
        return id.toString();
    }

    private static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(field + " is required");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidRequestException(field + " must be at most " + MAX_TEXT + " characters");
        }
        return text.strip();
    }

    private static String bounded(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
