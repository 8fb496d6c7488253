package fi.avain.budget;

import fi.avain.budget.Vouchers.EventStatus;
import fi.avain.budget.Vouchers.VoucherStatus;
import fi.avain.mappings.budget.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Providers' declarations: a claim on a line that waits for a person. Declaring holds the amount
 * (channel {@code declaration}); approval captures it, rejection gives it back: to the line, or, for
 * an event of a voucher still in use, to that voucher. Each method runs in the caller's transaction,
 * refuses before it writes, and locks the declaration first, its voucher second, the line last.
 */
public final class Declarations {
    private static final int MAX_TEXT = 1000;

    public enum DeclarationStatus { PENDING, APPROVED, REJECTED }

    public record DeclarationRequest(UUID budgetId, String lineCode, String providerBusinessId, String serviceClass,
                                     LocalDate serviceDate, long amountCents, String description,
                                     String declarationKey) {
    }

    public record DeclarationView(UUID id, String tenant, UUID budgetId, String lineCode, String providerBusinessId,
                                  String serviceClass, LocalDate serviceDate, long amountCents, String description,
                                  String voucherId, DeclarationStatus status, String decidedBy, Instant decidedAt,
                                  String reason, Instant createdAt) {
    }

    private final Holds holds;
    private final DeclarationQueries declarations;
    private final VoucherQueries vouchers;

    public Declarations(JdbcClient db, Ledger ledger) {
        this.holds = new Holds(db, ledger);
        this.declarations = new DeclarationQueries(db, ledger);
        this.vouchers = new VoucherQueries(db, ledger);
    }

    /** Holds the declared amount on the line, PENDING; a repeat of the key answers the same declaration. */
    public DeclarationView declare(DeclarationRequest r, UUID sourceMessageId) {
        if (r == null) {
            throw new InvalidRequestException("a declaration is required");
        }
        String key = text(r.declarationKey(), "declarationKey", true);
        Optional<UUID> earlier = declarations.idByKey(key);
        if (earlier.isPresent()) {
            return sameRequest(earlier.get(), r);
        }
        String tenant = holds.tenant(r.budgetId());
        LineState line = holds.lockLine(r.budgetId(), r.lineCode(), Channel.DECLARATION);
        String serviceClass = ServiceRules.serviceClass(line.serviceClasses(), r.serviceClass())
                .orElseThrow(() -> new InvalidRequestException("serviceClass: line " + line.code()
                        + " does not allow service class " + r.serviceClass()));
        if (r.serviceDate() == null || !line.period().contains(r.serviceDate())) {
            throw new InvalidRequestException("serviceDate must lie within line " + line.code() + "'s period "
                    + line.period().start() + " – " + line.period().end());
        }
        if (r.amountCents() <= 0) {
            throw new InvalidRequestException("amount must be positive");
        }
        String provider = ServiceRules.businessId(r.providerBusinessId()).orElseThrow(() -> new InvalidRequestException(
                "providerBusinessId must be a business id (Y-tunnus) with a valid check digit"));
        String description = text(r.description(), "description", false);
        if (line.availableCents() < r.amountCents()) {
            throw new InsufficientFundsException(line.code(), line.availableCents(), r.amountCents());
        }
        UUID id = UUID.randomUUID();
        if (!declarations.insert(new DeclarationQueries.NewDeclaration(id, tenant, r.budgetId(), line.id(), null,
                provider, serviceClass, r.serviceDate(), r.amountCents(), 0, description, null, null, key,
                sourceMessageId))) {
            // a concurrent twin of this declaration committed first
            return sameRequest(declarations.idByKey(key).orElseThrow(), r);
        }
        UUID holdId = holds.open(r.budgetId(), line.id(), Holds.DECLARATION, id.toString(), r.amountCents());
        declarations.attachHold(id, holdId);
        holds.book(r.budgetId(), MovementKind.HOLD, "declaration:declare:" + id, sourceMessageId, Holds.DECLARATION,
                id.toString(), List.of(Holds.hold(line.id(), r.amountCents())));
        return view(id);
    }

    /** PENDING → APPROVED: what it holds becomes spent. Approving again changes nothing. */
    public DeclarationView approve(UUID id, String actor) {
        String by = text(actor, "actor", true);
        Optional<DeclarationQueries.Row> pending = pending(id, DeclarationStatus.APPROVED);
        if (pending.isEmpty()) {
            return view(id);
        }
        DeclarationQueries.Row d = pending.get();
        if (d.voucherId() != null) {
            // the voucher before the line, in the order an event of the voucher locks them
            vouchers.lock(d.voucherId());
        }
        long held = d.amountCents() + d.clientShareCents();
        holds.book(d.budgetId(), MovementKind.CAPTURE, "declaration:approve:" + id, null, Holds.DECLARATION,
                id.toString(), List.of(Holds.capture(d.lineId(), held)));
        holds.take(d.holdId(), held, true);
        declarations.decide(id, DeclarationStatus.APPROVED, by, null);
        if (d.voucherId() != null) {
            vouchers.change(d.voucherId(), 0, d.amountCents());
            vouchers.eventDecided(d.voucherId(), d.eventId(), EventStatus.APPLIED);
        }
        return view(id);
    }

    /**
     * PENDING → REJECTED: the amount returns to the voucher it came from while that voucher is issued or
     * accepted, else to the line's available; a held client's share always to the line. Rejecting again
     * changes nothing.
     */
    public DeclarationView reject(UUID id, String actor, String reason) {
        String by = text(actor, "actor", true);
        String why = text(reason, "reason", false);
        Optional<DeclarationQueries.Row> pending = pending(id, DeclarationStatus.REJECTED);
        if (pending.isEmpty()) {
            return view(id);
        }
        DeclarationQueries.Row d = pending.get();
        Optional<LockedVoucher> voucher = Optional.ofNullable(d.voucherId()).flatMap(vouchers::lock)
                .filter(v -> v.status() == VoucherStatus.ISSUED || v.status() == VoucherStatus.ACCEPTED);
        long released = d.clientShareCents() + (voucher.isPresent() ? 0 : d.amountCents());
        if (released > 0) {
            holds.book(d.budgetId(), MovementKind.RELEASE, "declaration:reject:" + id, null, Holds.DECLARATION,
                    id.toString(), List.of(Holds.release(d.lineId(), released)));
        }
        holds.empty(d.holdId(), "CLOSED");
        voucher.ifPresent(v -> {
            holds.restore(v.holdId(), d.amountCents());
            vouchers.change(v.id(), d.amountCents(), 0);
        });
        declarations.decide(id, DeclarationStatus.REJECTED, by, why);
        if (d.voucherId() != null) {
            vouchers.eventDecided(d.voucherId(), d.eventId(), EventStatus.REJECTED);
        }
        return view(id);
    }

    public Optional<DeclarationView> find(UUID id) {
        return id == null ? Optional.empty() : declarations.view(id);
    }

    public Optional<String> tenantOf(UUID id) {
        return id == null ? Optional.empty() : declarations.tenantOf(id);
    }

    /** The declaration a key made, if this request is the same one again. */
    private DeclarationView sameRequest(UUID id, DeclarationRequest r) {
        DeclarationView d = view(id);
        boolean same = d.budgetId().equals(r.budgetId()) && d.amountCents() == r.amountCents()
                && d.lineCode().equals(r.lineCode() == null ? null : r.lineCode().strip());
        if (!same) {
            throw new InvalidRequestException("declarationId (or the Idempotency-Key) was used before for another declaration");
        }
        return d;
    }

    /** The declaration, locked, while pending; empty when it was decided as {@code decision} before. */
    private Optional<DeclarationQueries.Row> pending(UUID id, DeclarationStatus decision) {
        DeclarationQueries.Row d = (id == null ? Optional.<DeclarationQueries.Row>empty() : declarations.lock(id))
                .orElseThrow(() -> new UnknownBudgetException("declaration " + id));
        if (d.status() == DeclarationStatus.PENDING) {
            return Optional.of(d);
        }
        if (d.status() == decision) {
            return Optional.empty();
        }
        throw new DeclarationStateException("declaration " + id + " was already "
                + d.status().name().toLowerCase(Locale.ROOT));
    }

    private DeclarationView view(UUID id) {
        return declarations.view(id).orElseThrow();
    }

    private static String text(String text, String field, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InvalidRequestException(field + " is required");
            }
            return null;
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidRequestException(field + " must be at most " + MAX_TEXT + " characters");
        }
        return text.strip();
    }
}
