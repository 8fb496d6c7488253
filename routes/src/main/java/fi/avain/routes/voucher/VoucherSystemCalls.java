package fi.avain.routes.voucher;

import fi.avain.budget.Vouchers.VoucherView;
import fi.avain.mappings.model.Hetu;

/**
 * What Avain asks of the voucher system, each call retried with backoff under one X-Road id and kept
 * in the message store as sent.
 */
interface VoucherSystemCalls {

    /** Issues the voucher; answers the voucher system's own number for it. */
    String issue(VoucherView voucher, Hetu client, String xroadId, String userId);

    void cancel(VoucherView voucher, String reason, String xroadId, String userId);

    /** The voucher system could not be reached in the retries allowed, or refused the request. */
    final class VoucherSystemFailure extends RuntimeException {
        private final boolean refused;

        VoucherSystemFailure(String message, boolean refused, Throwable cause) {
            super(message, cause);
            this.refused = refused;
        }

        /** True when the voucher system answered with a refusal; false when it could not be reached. */
        boolean refused() {
            return refused;
        }
    }
}
