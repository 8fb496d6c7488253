package fi.avain.routes.budget;

import fi.avain.budget.IdempotencyConflictException;
import fi.avain.budget.InvalidRequestException;
import fi.avain.budget.LedgerException;
import fi.avain.budget.UnknownBudgetException;
import fi.avain.budget.VoucherRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The ledger's refusals as problem+json for the budget, card, voucher, declaration and correction endpoints. */
@RestControllerAdvice(basePackages = {"fi.avain.routes.budget", "fi.avain.routes.card", "fi.avain.routes.voucher"})
class LedgerProblems {

    @ExceptionHandler(UnknownBudgetException.class)
    ProblemDetail unknown(UnknownBudgetException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage() + ".");
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage() + ".");
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler(VoucherRefusedException.class)
    ProblemDetail voucher(VoucherRefusedException e) {
        boolean unknown = e.refusal() == VoucherRefusedException.Refusal.UNKNOWN_VOUCHER;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(unknown ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
                e.getMessage() + ".");
        problem.setTitle(unknown ? "Not found" : "Refused by the ledger");
        problem.setProperty("code", e.refusal().name().toLowerCase(java.util.Locale.ROOT));
        return problem;
    }

    /** The key names the request it was first used for: the problem says which key, so the sender can find it. */
    @ExceptionHandler(IdempotencyConflictException.class)
    ProblemDetail reused(IdempotencyConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage() + ".");
        problem.setTitle("Key used for another request");
        problem.setProperty(e.field(), e.key());
        return problem;
    }

    @ExceptionHandler(LedgerException.class)
    ProblemDetail refused(LedgerException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage() + ".");
        problem.setTitle("Refused by the ledger");
        return problem;
    }
}
