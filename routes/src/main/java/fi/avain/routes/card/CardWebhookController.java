package fi.avain.routes.card;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.budget.AuthorizationAttempt;
import fi.avain.budget.Cents;
import fi.avain.budget.LedgerException;
import fi.avain.budget.Verdict;
import fi.avain.connectors.card.SignatureException;
import fi.avain.connectors.card.WebhookSignature;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.card.CardAuthorizationRequest;
import fi.avain.mappings.card.CardAuthorizations;
import fi.avain.mappings.card.ClearingFiles;
import fi.avain.mappings.card.ClearingRecord;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageStatus;
import fi.avain.routes.messages.MessageStore;
import fi.avain.routes.messages.PersonalDataMasker;
import fi.avain.routes.web.RequestArrival;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The card processor's webhooks. Both are authenticated by their signature over the raw body (a
 * processor such as Stripe cannot send an API key), checked before anything is read or stored. A
 * signed request that cannot be read is stored in error and answered 400; nothing else changes.
 */
@RestController
@Tag(name = "Card processor", description = "Real-time card authorizations and transaction webhooks (signed)")
class CardWebhookController {
    static final String AVAIN_SIGNATURE = "Avain-Signature";
    static final String STRIPE_SIGNATURE = "Stripe-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CardDecisions decisions;
    private final CardClearing clearing;
    private final MessageStore messages;
    private final CardConnectorSettings settings;
    private final Clock clock;

    CardWebhookController(CardDecisions decisions, CardClearing clearing, MessageStore messages,
                          CardConnectorSettings settings, ObjectProvider<Clock> clock) {
        this.decisions = decisions;
        this.clearing = clearing;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @PostMapping(path = "/api/v1/card/authorizations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A generic processor's authorization or reversal (docs/formats/card-authorization.md), "
            + "signed with Avain-Signature")
    ResponseEntity<String> generic(@RequestBody(required = false) byte[] body,
                                   @RequestHeader(name = AVAIN_SIGNATURE, required = false) String signature,
                                   HttpServletRequest http) {
        byte[] raw = body == null ? new byte[0] : body;
        verify(signature, raw, settings.secrets().generic(), AVAIN_SIGNATURE);
        CardAuthorizationRequest request = read(raw, CardAuthorizationRequest.GENERIC,
                () -> CardAuthorizations.fromGeneric(raw));
        InboundMessage message = message(request, raw);
        if (request.kind() == CardAuthorizationRequest.Kind.REVERSAL) {
            CardClearing.Result result = clearing.reverse(request, message);
            ObjectNode out = JSON.createObjectNode();
            out.put("authorizationId", request.authorizationId());
            out.put("reversed", true);
            putOutcome(out, result);
            out.put("released", Cents.format(result.bookedCents()));
            out.put("currency", "EUR");
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toString());
        }
        long requested = request.amount().cents();
        CardDecisions.Answer answer = decisions.decide(attempt(request), message, v -> genericAnswer(v, requested),
                RequestArrival.of(http));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer.response());
    }

    @PostMapping(path = "/api/v1/card/stripe", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Stripe Issuing events signed with Stripe-Signature: issuing_authorization.request is "
            + "answered {approved}; issuing_transaction.created is applied as clearing, issuing_authorization.updated "
            + "as a reversal when it lowers the authorization's amount")
    ResponseEntity<String> stripe(@RequestBody(required = false) byte[] body,
                                  @RequestHeader(name = STRIPE_SIGNATURE, required = false) String signature,
                                  HttpServletRequest http) {
        byte[] raw = body == null ? new byte[0] : body;
        verify(signature, raw, settings.secrets().stripe(), STRIPE_SIGNATURE);
        String eventType;
        try {
            eventType = CardAuthorizations.stripeEventType(raw);
        } catch (MappingException e) {
            throw refused(raw, CardAuthorizationRequest.STRIPE, e);
        }
        if (CardAuthorizations.STRIPE_AUTHORIZATION_REQUEST.equals(eventType)) {
            CardAuthorizations.StripeAuthorization stripe = read(raw, CardAuthorizationRequest.STRIPE,
                    () -> CardAuthorizations.readStripeAuthorization(raw));
            CardAuthorizationRequest request = stripe.request();
            CardDecisions.Answer answer = decisions.decide(attempt(request), message(request, raw),
                    v -> stripeAnswer(v, request.amountControllable(), stripe.heldCents()), RequestArrival.of(http));
            return ResponseEntity.ok().header("Stripe-Version", settings.stripeVersion())
                    .contentType(MediaType.APPLICATION_JSON).body(answer.response());
        }
        if (ClearingFiles.STRIPE_TRANSACTION_CREATED.equals(eventType)) {
            ClearingRecord record;
            try {
                record = ClearingFiles.fromStripeTransaction(raw);
            } catch (MappingException e) {
                throw refused(raw, CardAuthorizationRequest.STRIPE, e);
            }
            CardClearing.Result result = clearing.applyOne(CardAuthorizationRequest.STRIPE, record,
                    new InboundMessage(CardClearing.FLOW, record.recordId(), null, keys(record.authorizationId(),
                            record.cardId()), "application/json", raw));
            ObjectNode out = JSON.createObjectNode();
            out.put("received", true);
            putOutcome(out, result);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toString());
        }
        if (CardAuthorizations.STRIPE_AUTHORIZATION_UPDATED.equals(eventType)) {
            Optional<CardAuthorizationRequest> reversal;
            try {
                reversal = CardAuthorizations.fromStripeAuthorizationUpdate(raw);
            } catch (MappingException e) {
                throw refused(raw, CardAuthorizationRequest.STRIPE, e);
            }
            if (reversal.isPresent()) {
                CardAuthorizationRequest request = reversal.get();
                CardClearing.Result result;
                try {
                    result = clearing.reverse(request, message(request, raw));
                } catch (LedgerException e) {
                    // Stripe resends an event it did not get a 2xx for, for days, and a refused release
                    // stays refused: it is in the error store with its reason, and the answer says so.
                    result = new CardClearing.Result(null, 0, 0, e.getMessage());
                }
                ObjectNode out = JSON.createObjectNode();
                out.put("received", true);
                putOutcome(out, result);
                out.put("released", Cents.format(result.bookedCents()));
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toString());
            }
        }
        // Other events are acknowledged so Stripe does not retry them; they change nothing here, which
        // is all there is to do with them.
        messages.record(UUID.randomUUID(), new InboundMessage(CardDecisions.FLOW, "event:" + eventId(raw), null,
                Map.of(), "application/json", raw), MessageStatus.PROCESSED, null);
        ObjectNode out = JSON.createObjectNode();
        out.put("received", true);
        out.put("ignored", eventType);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toString());
    }

    /** A record the ledger refused is in the error store with its reason; the answer says so. */
    private static void putOutcome(ObjectNode out, CardClearing.Result result) {
        if (result.failed()) {
            out.put("outcome", "failed");
            out.put("error", PersonalDataMasker.mask(result.error()));
        } else {
            out.put("outcome", result.outcome().code());
        }
    }

    /**
     * The generic answer: {@code amount} is what was approved, or on a decline the amount asked for
     * ({@code requestedCents}, the total), so that the processor can match the answer to its request.
     */
    static String genericAnswer(Verdict v, long requestedCents) {
        ObjectNode out = JSON.createObjectNode();
        out.put("approved", v.approved());
        out.put("authorizationId", v.authorizationId());
        out.put("amount", Cents.format(v.approved() ? v.approvedCents() : requestedCents));
        out.put("currency", "EUR");
        if (v.reason() == null) {
            out.putNull("reason");
        } else {
            out.put("reason", v.reason().code());
        }
        return out.toString();
    }

    /**
     * Stripe's answer: {@code approved}, and an {@code amount} only when the amount is controllable:
     * what this request adds, the approved total less what the authorization {@code already} held.
     */
    static String stripeAnswer(Verdict v, boolean controllable, long already) {
        ObjectNode out = JSON.createObjectNode();
        out.put("approved", v.approved());
        if (controllable && v.approved()) {
            out.put("amount", v.approvedCents() - already);
        }
        if (v.reason() != null) {
            out.putObject("metadata").put("avain_reason", v.reason().code());
        }
        return out.toString();
    }

    private void verify(String header, byte[] body, List<String> secrets, String name) {
        if (secrets.isEmpty()) {
            throw new SignatureProblem(HttpStatus.SERVICE_UNAVAILABLE, "No webhook secret is configured for "
                    + name + "; set avain.connectors.card.secrets.*.");
        }
        try {
            WebhookSignature.verify(header, body, secrets, clock.instant(), settings.signatureTolerance());
        } catch (SignatureException e) {
            throw new SignatureProblem(HttpStatus.UNAUTHORIZED, name + ": " + e.getMessage());
        }
    }

    private <T> T read(byte[] raw, String processor, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (MappingException e) {
            throw refused(raw, processor, e);
        }
    }

    /** Stores the signed but unreadable request in error, and answers 400 naming the field and the rule. */
    private InvalidCardRequest refused(byte[] raw, String processor, MappingException e) {
        messages.record(UUID.randomUUID(), new InboundMessage(CardDecisions.FLOW, processor + ":unreadable", null,
                Map.of(), "application/json", raw), MessageStatus.ERROR, e.getMessage());
        return new InvalidCardRequest(e);
    }

    /** Decided as of now, by Avain's clock: the budget period is about when the money is held. */
    private AuthorizationAttempt attempt(CardAuthorizationRequest r) {
        return new AuthorizationAttempt(r.processor(), r.authorizationId(), r.cardId(), r.amount().cents(),
                r.merchantCategoryCode(), r.amountControllable(), clock.instant());
    }

    private static InboundMessage message(CardAuthorizationRequest r, byte[] raw) {
        return new InboundMessage(CardDecisions.FLOW, r.processor() + ":" + r.authorizationId(), null,
                keys(r.authorizationId(), r.cardId()), "application/json", raw);
    }

    static Map<String, String> keys(String authorizationId, String cardId) {
        Map<String, String> keys = new HashMap<>();
        keys.put("authorizationId", authorizationId);
        keys.put("cardId", cardId);
        return keys;
    }

    private static String eventId(byte[] raw) {
        try {
            return JSON.readTree(raw).path("id").asText("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }

    @ExceptionHandler(SignatureProblem.class)
    ResponseEntity<ProblemDetail> signature(SignatureProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
        problem.setTitle(e.status == HttpStatus.UNAUTHORIZED ? "Bad signature" : "Webhook not configured");
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(InvalidCardRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCardRequest e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid card request");
        problem.setProperty("field", e.field);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static final class SignatureProblem extends RuntimeException {
        final HttpStatus status;

        SignatureProblem(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    static final class InvalidCardRequest extends RuntimeException {
        final String field;

        InvalidCardRequest(MappingException e) {
            super(e.getMessage());
            this.field = e.field();
        }
    }
}
