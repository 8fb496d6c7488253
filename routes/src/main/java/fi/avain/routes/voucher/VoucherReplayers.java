package fi.avain.routes.voucher;

import fi.avain.budget.Vouchers.VoucherStatus;
import fi.avain.budget.Vouchers.VoucherView;
import fi.avain.routes.messages.MessageReplayer;
import fi.avain.routes.messages.MessageStatus;
import fi.avain.routes.messages.ReplayOutcome;
import fi.avain.routes.messages.StoredMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.ErrorResponseException;

/** Operators' replays of the voucher flows, each as idempotent as the flow itself. */
@Configuration
class VoucherReplayers {

    /** A stored call of the voucher system applied again: a repeat of one applied answers as before. */
    @Bean
    MessageReplayer voucherEventsReplayer(VoucherEvents events) {
        return new MessageReplayer() {
            @Override
            public String flow() {
                return VoucherEvents.FLOW;
            }

            @Override
            public ReplayOutcome replay(StoredMessage message) {
                VoucherEvents.Answer answer;
                try {
                    answer = events.replay(message);
                } catch (IllegalArgumentException e) {
                    return ReplayOutcome.failed("the stored request cannot be read: " + e.getMessage());
                }
                if (answer.fault() != null) {
                    return ReplayOutcome.failed(answer.fault().message());
                }
                return answer.status() == MessageStatus.DUPLICATE ? ReplayOutcome.duplicate()
                        : ReplayOutcome.processed();
            }
        };
    }

    /**
     * A request to the voucher system sent again: a voucher whose issue failed is reserved and issued
     * anew (under the same X-Road id, so the voucher system cannot issue it twice); a cancellation is
     * sent again unless the voucher is already cancelled.
     */
    @Bean
    MessageReplayer voucherSystemReplayer(VoucherService service) {
        return new MessageReplayer() {
            @Override
            public String flow() {
                return VoucherSystemCallsOverSoap.FLOW;
            }

            @Override
            public ReplayOutcome replay(StoredMessage message) {
                String voucherId = message.keys().get("voucherId");
                String operation = message.keys().get("operation");
                if (voucherId == null || operation == null) {
                    return ReplayOutcome.failed("the stored request names no voucher or operation");
                }
                try {
                    VoucherView view = switch (operation) {
                        case "issueVoucher" -> service.reissue(voucherId, "replay");
                        case "cancelVoucher" -> service.cancel(voucherId, null, "replay");
                        default -> null;
                    };
                    if (view == null) {
                        return ReplayOutcome.failed("operation " + operation + " is not replayed");
                    }
                    boolean done = operation.equals("issueVoucher") ? view.status() != VoucherStatus.FAILED
                            : view.status() == VoucherStatus.CANCELLED;
                    return done ? ReplayOutcome.processed() : ReplayOutcome.failed("voucher " + voucherId + " is "
                            + view.status().name().toLowerCase(java.util.Locale.ROOT));
                } catch (ErrorResponseException e) {
                    return ReplayOutcome.failed(e.getBody().getDetail() == null ? e.getMessage()
                            : e.getBody().getDetail());
                }
            }
        };
    }
}
