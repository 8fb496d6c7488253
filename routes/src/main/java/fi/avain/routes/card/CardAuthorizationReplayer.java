package fi.avain.routes.card;

import fi.avain.budget.AuthorizationAttempt;
import fi.avain.budget.CardAuthorizer;
import fi.avain.budget.DeclineReason;
import fi.avain.budget.IdempotencyConflictException;
import fi.avain.budget.Verdict;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.card.CardAuthorizationRequest;
import fi.avain.mappings.card.CardAuthorizations;
import fi.avain.routes.messages.MessageReplayer;
import fi.avain.routes.messages.ReplayOutcome;
import fi.avain.routes.messages.StoredMessage;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A card authorization was answered in real time, and the processor acted on that answer: replaying
 * one never decides it again. A replay makes sure the answer given is recorded under the authorization
 * id (a decline on timeout that could not be recorded at the time), so repeats keep getting it.
 */
@Component
class CardAuthorizationReplayer implements MessageReplayer {
    private final CardAuthorizer authorizer;
    private final TransactionTemplate tx;

    CardAuthorizationReplayer(CardAuthorizer authorizer, TransactionTemplate tx) {
        this.authorizer = authorizer;
        this.tx = tx;
    }

    @Override
    public String flow() {
        return CardDecisions.FLOW;
    }

    @Override
    public ReplayOutcome replay(StoredMessage message) {
        CardAuthorizationRequest request;
        try {
            request = message.sourceId().startsWith(CardAuthorizationRequest.STRIPE + ":")
                    ? CardAuthorizations.fromStripeEvent(message.body())
                    : CardAuthorizations.fromGeneric(message.body());
        } catch (MappingException e) {
            return ReplayOutcome.failed(e.getMessage());
        }
        if (request.kind() != CardAuthorizationRequest.Kind.AUTHORIZATION) {
            return ReplayOutcome.failed("a reversal is replayed from the card-clearing flow");
        }
        AuthorizationAttempt attempt = new AuthorizationAttempt(request.processor(), request.authorizationId(),
                request.cardId(), request.amount().cents(), request.merchantCategoryCode(),
                request.amountControllable(), request.createdAt());
        // A request refused because its id belongs to another card or category stays refused.
        try {
            if (authorizer.answered(attempt).isPresent()) {
                return ReplayOutcome.duplicate();
            }
        } catch (IdempotencyConflictException e) {
            return ReplayOutcome.failed(e.getMessage());
        }
        Optional<IdempotencyConflictException> conflict = authorizer.conflict(attempt);
        if (conflict.isPresent()) {
            return ReplayOutcome.failed(conflict.get().getMessage());
        }
        Verdict timeout = Verdict.declined(request.authorizationId(), DeclineReason.TIMEOUT);
        String response = CardAuthorizationRequest.STRIPE.equals(request.processor())
                ? CardWebhookController.stripeAnswer(timeout, request.amountControllable(), 0)
                : CardWebhookController.genericAnswer(timeout, request.amount().cents());
        tx.executeWithoutResult(status -> authorizer.recordTimeout(attempt, message.id(), response));
        return ReplayOutcome.processed();
    }
}
