package fi.avain.budget;

import static fi.avain.budget.LockedVoucher.refused;

import fi.avain.budget.VoucherRefusedException.Refusal;
import fi.avain.budget.Vouchers.EventOutcome;
import fi.avain.budget.Vouchers.EventResult;
import fi.avain.budget.Vouchers.EventStatus;
import fi.avain.budget.Vouchers.EventView;
import fi.avain.budget.Vouchers.ServiceEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Service events on vouchers, in the caller's transaction: the voucher locked first, every rule checked
 * before anything is written, then the charge captured (with the client's share where the line pays it)
 * or moved to a declaration awaiting approval. Events are keyed by (voucher, event id).
 */
final class VoucherEvents {
    private static final int MAX_DESCRIPTION = 1000;

    private final Holds holds;
    private final VoucherQueries vouchers;
    private final DeclarationQueries declarations;

    VoucherEvents(Holds holds, VoucherQueries vouchers, DeclarationQueries declarations) {
        this.holds = holds;
        this.vouchers = vouchers;
        this.declarations = declarations;
    }

    EventOutcome record(LockedVoucher v, ServiceEvent e, LocalDate today, int graceDays, UUID sourceMessageId) {
        if (e.eventId() == null || e.eventId().isBlank()) {
            throw refused(Refusal.INVALID_REQUEST, "eventId is required");
        }
        Optional<EventView> earlier = vouchers.event(v.id(), e.eventId());
        if (earlier.isPresent()) {
            return duplicate(earlier.get(), e);
        }
        requireAmounts(e);
        v.requireUsable(e.serviceDate(), today, graceDays);
        List<String> accepted = vouchers.providers(v.id());
        String provider = v.allowedProvider(e.providerBusinessId(), accepted);
        String serviceClass = ServiceRules.serviceClass(v.serviceClasses(), e.serviceClass())
                .orElseThrow(() -> refused(Refusal.SERVICE_CLASS_NOT_ALLOWED, "voucher " + v.id()
                        + " does not pay for service class " + e.serviceClass()));
        v.requireBalance(e.chargedCents());
        LineState line = holds.lockLine(v.lineId());
        long share = line.clientShareCharged() ? e.clientShareCents() : 0;
        if (share > line.availableCents()) {
            throw refused(Refusal.INSUFFICIENT_FUNDS, "the client's share of " + Cents.format(share)
                    + " EUR exceeds the " + Cents.format(line.availableCents()) + " EUR available on line "
                    + line.code());
        }
        if (!accepted.contains(provider)) {
            // a provider's first event stands for its acceptance
            vouchers.accept(v.id(), provider, e.serviceDate());
        }
        vouchers.accepted(v);
        Recorded recorded = new Recorded(v, e, provider, serviceClass, share, sourceMessageId);
        return e.needsApproval() ? hold(recorded) : capture(recorded);
    }

    /** An event that passed every rule, with the provider and service class in their stored form. */
    private record Recorded(LockedVoucher v, ServiceEvent e, String provider, String serviceClass, long share,
                            UUID sourceMessageId) {
        String key() {
            return "voucher:event:" + v.id() + ":" + e.eventId();
        }

        long remaining() {
            return v.remainingCents() - e.chargedCents();
        }
    }

    private EventOutcome capture(Recorded r) {
        LockedVoucher v = r.v();
        long charged = r.e().chargedCents();
        List<Ledger.Leg> legs = new ArrayList<>();
        legs.add(Holds.capture(v.lineId(), charged));
        if (r.share() > 0) {
            legs.add(Holds.spend(v.lineId(), r.share()));
        }
        holds.book(v.budgetId(), MovementKind.CAPTURE, r.key(), r.sourceMessageId(), Holds.VOUCHER, v.id(), legs);
        holds.take(v.holdId(), charged, true);
        vouchers.change(v.id(), -charged, charged);
        vouchers.insertEvent(v.id(), r.e(), r.provider(), r.serviceClass(), r.share(), r.remaining(),
                EventStatus.APPLIED, null, r.sourceMessageId());
        return new EventOutcome(v.id(), r.e().eventId(), EventResult.APPLIED, charged, r.share(), r.remaining(), null);
    }

    /**
     * Moves the charge from the voucher's hold to a declaration's (both are the line's held account, so
     * no movement), and holds the client's share there too when the line pays it, until a person decides.
     */
    private EventOutcome hold(Recorded r) {
        LockedVoucher v = r.v();
        ServiceEvent e = r.e();
        UUID declarationId = UUID.randomUUID();
        holds.take(v.holdId(), e.chargedCents(), false);
        vouchers.change(v.id(), -e.chargedCents(), 0);
        UUID holdId = holds.open(v.budgetId(), v.lineId(), Holds.DECLARATION, declarationId.toString(),
                e.chargedCents() + r.share());
        if (r.share() > 0) {
            holds.book(v.budgetId(), MovementKind.HOLD, r.key(), r.sourceMessageId(), Holds.DECLARATION,
                    declarationId.toString(), List.of(Holds.hold(v.lineId(), r.share())));
        }
        declarations.insert(new DeclarationQueries.NewDeclaration(declarationId, v.tenant(), v.budgetId(),
                v.lineId(), holdId, r.provider(), r.serviceClass(), e.serviceDate(), e.chargedCents(), r.share(),
                e.description(), v.id(), e.eventId(), r.key(), r.sourceMessageId()));
        vouchers.insertEvent(v.id(), e, r.provider(), r.serviceClass(), r.share(), r.remaining(),
                EventStatus.PENDING_APPROVAL, declarationId, r.sourceMessageId());
        return new EventOutcome(v.id(), e.eventId(), EventResult.PENDING_APPROVAL, e.chargedCents(), r.share(),
                r.remaining(), declarationId);
    }

    private static EventOutcome duplicate(EventView earlier, ServiceEvent e) {
        if (earlier.priceCents() != e.priceCents() || earlier.chargedCents() != e.chargedCents()
                || earlier.clientShareCents() != e.clientShareCents()) {
            throw refused(Refusal.INVALID_REQUEST, "event " + e.eventId() + " of voucher " + earlier.voucherId()
                    + " was recorded before with other amounts");
        }
        return new EventOutcome(earlier.voucherId(), earlier.eventId(), EventResult.DUPLICATE, earlier.chargedCents(),
                earlier.clientShareBookedCents(), earlier.remainingAfterCents(), earlier.declarationId());
    }

    /** The voucher pays what is charged; the price is that plus the client's share (omavastuu). */
    private static void requireAmounts(ServiceEvent e) {
        if (e.quantity() < 1) {
            throw refused(Refusal.INVALID_REQUEST, "quantity must be at least 1");
        }
        if (e.priceCents() < 0 || e.clientShareCents() < 0) {
            throw refused(Refusal.INVALID_REQUEST, "the price and the client's share must not be negative");
        }
        if (e.chargedCents() <= 0) {
            throw refused(Refusal.INVALID_REQUEST, "the amount charged to the voucher must be positive");
        }
        if (e.priceCents() - e.clientShareCents() != e.chargedCents()) {
            throw refused(Refusal.INVALID_REQUEST, "the charged " + Cents.format(e.chargedCents()) + " EUR and the client's "
                    + "share of " + Cents.format(e.clientShareCents()) + " EUR do not add up to the price of "
                    + Cents.format(e.priceCents()) + " EUR");
        }
        if (e.description() != null && e.description().length() > MAX_DESCRIPTION) {
            throw refused(Refusal.INVALID_REQUEST, "description must be at most " + MAX_DESCRIPTION + " characters");
        }
    }
}
