package fi.avain.routes.voucher;

import fi.avain.budget.ClientIdentities;
import fi.avain.budget.VoucherRefusedException;
import fi.avain.budget.Vouchers;
import fi.avain.budget.Vouchers.VoucherStatus;
import fi.avain.budget.Vouchers.VoucherView;
import fi.avain.mappings.model.Hetu;
import fi.avain.routes.web.Problems;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vouchers requested and cancelled by case workers: the budget line reserves first, then the voucher
 * system issues; when the voucher system cannot be reached after its retries, the reservation is
 * released, the request stays in the error store, and the answer says so.
 */
public class VoucherService {
    private static final Set<VoucherStatus> CANCELLABLE = Set.of(VoucherStatus.ISSUED, VoucherStatus.ACCEPTED,
            VoucherStatus.EXPIRED);

    private final Vouchers vouchers;
    private final VoucherSystemCalls system;
    private final ClientIdentities identities;
    private final JdbcClient db;
    private final TransactionTemplate tx;

    VoucherService(Vouchers vouchers, VoucherSystemCalls system, ClientIdentities identities, JdbcClient db,
                   TransactionTemplate tx) {
        this.vouchers = vouchers;
        this.system = system;
        this.identities = identities;
        this.db = db;
        this.tx = tx;
    }

    /**
     * Reserves and issues; a repeat of the same request key answers the voucher it made, and tries
     * again to issue one whose issue failed (the caller retrying after a 502).
     */
    public VoucherView request(Vouchers.VoucherRequest request, String actor) {
        VoucherView reserved = tx.execute(s -> vouchers.reserve(request, null));
        if (reserved.status() == VoucherStatus.FAILED) {
            return reissue(reserved.id(), actor);
        }
        if (reserved.status() != VoucherStatus.REQUESTED) {
            return reserved;
        }
        return issue(reserved, actor);
    }

    /** Issues a reserved voucher, or releases its reservation when the voucher system cannot. */
    VoucherView issue(VoucherView reserved, String actor) {
        try {
            String number = system.issue(reserved, client(reserved.budgetId()), xroadId("issue", reserved.id()),
                    actor);
            return tx.execute(s -> vouchers.issued(reserved.id(), number));
        } catch (VoucherSystemCalls.VoucherSystemFailure e) {
            tx.execute(s -> vouchers.issueFailed(reserved.id(), e.getMessage()));
            throw Problems.of(e.refused() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_GATEWAY,
                    e.refused() ? "Refused by the voucher system" : "Voucher system unavailable",
                    "Voucher " + reserved.id() + " was not issued: " + e.getMessage()
                            + ". Its reservation was released; the request is in the error store.");
        }
    }

    /** A failed voucher reserved and issued again (an operator's replay of its issue request). */
    VoucherView reissue(String voucherId, String actor) {
        VoucherView view = vouchers.find(voucherId).orElseThrow(() -> new VoucherRefusedException(
                VoucherRefusedException.Refusal.UNKNOWN_VOUCHER, "no voucher " + voucherId));
        if (view.status() != VoucherStatus.FAILED && view.status() != VoucherStatus.REQUESTED) {
            return view;
        }
        VoucherView reopened = view.status() == VoucherStatus.FAILED ? tx.execute(s -> vouchers.reopen(voucherId))
                : view;
        return issue(reopened, actor);
    }

    /** Cancels in the voucher system first, then releases what remains; a repeat changes nothing. */
    public VoucherView cancel(String voucherId, String reason, String actor) {
        VoucherView view = vouchers.find(voucherId).orElseThrow(() -> new VoucherRefusedException(
                VoucherRefusedException.Refusal.UNKNOWN_VOUCHER, "no voucher " + voucherId));
        if (view.status() == VoucherStatus.REQUESTED) {
            // its issue is in flight (or was cut off): cancelling now could leave it live in the voucher system
            throw Problems.of(HttpStatus.CONFLICT, "Voucher not issued yet", "Voucher " + voucherId
                    + " is still being issued; cancel it once it is issued or its issue has failed.");
        }
        if (!CANCELLABLE.contains(view.status())) {
            return view;
        }
        if (view.voucherNumber() != null) {
            try {
                system.cancel(view, reason, xroadId("cancel", voucherId), actor);
            } catch (VoucherSystemCalls.VoucherSystemFailure e) {
                throw Problems.of(e.refused() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_GATEWAY,
                        e.refused() ? "Refused by the voucher system" : "Voucher system unavailable",
                        "Voucher " + voucherId + " was not cancelled: " + e.getMessage()
                                + ". Nothing changed; try again.");
            }
        }
        return tx.execute(s -> vouchers.cancel(voucherId, "rest:" + voucherId, null));
    }

    /**
     * Vouchers left reserved but not issued, their issue cut off by a crash: asked of the voucher system
     * again under the same X-Road id (so it answers the voucher it may already have issued), and then
     * issued, or failed and released. Answers how many were settled.
     */
    int settleUnissued(java.time.Instant before, String actor) {
        List<String> stuck = db.sql("select id from voucher where status = 'REQUESTED' and created_at < ? order by created_at")
                .param(java.sql.Timestamp.from(before)).query(String.class).list();
        int settled = 0;
        for (String id : stuck) {
            try {
                vouchers.find(id).filter(v -> v.status() == VoucherStatus.REQUESTED).ifPresent(v -> issue(v, actor));
            } catch (org.springframework.web.ErrorResponseException e) {
                // issue failed: the reservation is released and the request is in the error store
            }
            if (vouchers.find(id).filter(v -> v.status() != VoucherStatus.REQUESTED).isPresent()) {
                settled++;
            }
        }
        return settled;
    }

    /** One X-Road id per voucher and action, so every retry and repeat reuses it and the voucher system de-duplicates. */
    static String xroadId(String action, String voucherId) {
        return UUID.nameUUIDFromBytes((action + ":" + voucherId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Hetu client(UUID budgetId) {
        return db.sql("""
                        select c.identity_sealed, c.identity_nonce, c.key_id from client c
                        join budget b on b.client_id = c.id where b.id = ?""")
                .param(budgetId)
                .query((rs, n) -> identities.open(new ClientIdentities.Sealed(rs.getBytes(1), rs.getBytes(2),
                        rs.getString(3))))
                .single();
    }
}
