package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fi.avain.budget.Portal;
import fi.avain.mappings.fhir.Grant;
import fi.avain.mappings.fhir.PortalBudget;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.springframework.stereotype.Component;

/**
 * FHIR R4 Subscription for the portal: rest-hook channels with {@code application/fhir+json} payloads, on
 * {@code ChargeItem?account=} or {@code Account?patient=}. A subscription belongs to whoever created it
 * and lasts while they may see the client it watches; for anyone else it does not exist.
 */
@Component
public class SubscriptionProvider implements IResourceProvider {
    static final String PAYLOAD = "application/fhir+json";
    private static final String DEFAULT_REASON = "Notify the portal of changes";

    private final SubscriptionStore store;
    private final Portal portal;
    private final PortalAccess access;

    public SubscriptionProvider(SubscriptionStore store, Portal portal, PortalAccess access) {
        this.store = store;
        this.portal = portal;
        this.access = access;
    }

    @Override
    public Class<Subscription> getResourceType() {
        return Subscription.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Subscription subscription) {
        SubscriptionStore.Request request = checked(subscription);
        SubscriptionCriteria criteria = request.criteria();
        Optional<Watched> watched = watched(criteria);
        // An id that does not exist and one the caller may not see are refused alike, so ids cannot be probed.
        if (watched.isEmpty() || !access.allows(watched.get().client(), grant(criteria))) {
            throw new ResourceNotFoundException("Subscription criteria: " + criteria.reference() + " is not known");
        }
        StoredSubscription stored = store.create(request, watched.get().tenant(), watched.get().client(), access.actor(),
                access.representation(watched.get().client()).orElse(null));
        MethodOutcome outcome = new MethodOutcome(new IdType("Subscription", stored.id().toString()), true);
        outcome.setResource(resource(stored));
        return outcome;
    }

    @Read
    public Subscription read(@IdParam IdType id) {
        return resource(visible(id));
    }

    /** The caller's own subscriptions, newest first. */
    @Search
    public List<Subscription> search() {
        return store.listByOwner(access.actor()).stream()
                .filter(s -> access.allows(s.clientId(), grant(s.criteria())))
                .map(SubscriptionProvider::resource)
                .toList();
    }

    /** Turns the subscription off; it stays readable with status off. */
    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        StoredSubscription subscription = visible(id);
        store.delete(subscription.id());
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                .setDiagnostics("Subscription/" + subscription.id() + " is off");
        return new MethodOutcome(new IdType("Subscription", subscription.id().toString()), outcome);
    }

    private SubscriptionStore.Request checked(Subscription subscription) {
        try {
            Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
            if (channel.getType() != SubscriptionChannelType.RESTHOOK) {
                throw new InvalidSubscriptionException("Subscription.channel.type", "only rest-hook is supported");
            }
            String payload = channel.getPayload();
            if (payload == null || payload.isBlank()) {
                throw new InvalidSubscriptionException("Subscription.channel.payload", "required: " + PAYLOAD
                        + " (notifications without content are not supported)");
            }
            if (!payload.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(PAYLOAD)) {
                throw new InvalidSubscriptionException("Subscription.channel.payload", "only " + PAYLOAD
                        + " is supported");
            }
            List<String> headers = channel.getHeader().stream().map(StringType::getValue).toList();
            return store.request(subscription.getCriteria(), channel.getEndpoint(), headers, subscription.getReason(),
                    subscription.getEnd() == null ? null : subscription.getEnd().toInstant());
        } catch (InvalidSubscriptionException e) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.INVALID)
                    .setDiagnostics(e.getMessage())
                    .addExpression(e.element());
            throw new UnprocessableEntityException(e.getMessage(), outcome);
        }
    }

    /** The client whose data the criteria name, and their tenant. */
    private record Watched(UUID client, String tenant) {
    }

    private Optional<Watched> watched(SubscriptionCriteria criteria) {
        if (criteria.resource().equals(SubscriptionCriteria.ACCOUNT)) {
            return portal.patient(criteria.id()).map(p -> new Watched(p.id(), p.tenant()));
        }
        Optional<PortalBudget> budget = portal.budget(criteria.id())
                .or(() -> portal.budgetOfLine(criteria.id()).flatMap(portal::budget));
        return budget.map(b -> new Watched(b.patientId(), b.tenant()));
    }

    private StoredSubscription visible(IdType id) {
        Optional<StoredSubscription> found = uuid(id.getIdPart()).flatMap(store::find)
                .filter(s -> s.owner().equals(access.actor()) && access.allows(s.clientId(), grant(s.criteria())));
        return found.orElseThrow(() -> new ResourceNotFoundException(new IdType("Subscription", id.getIdPart())));
    }

    private static Grant grant(SubscriptionCriteria criteria) {
        return criteria.resource().equals(SubscriptionCriteria.CHARGE_ITEM) ? Grant.SPENDS : Grant.BUDGET;
    }

    static Subscription resource(StoredSubscription stored) {
        Subscription subscription = new Subscription();
        subscription.setId(new IdType("Subscription", stored.id().toString()));
        subscription.getMeta().setLastUpdated(Date.from(stored.updatedAt()));
        subscription.setStatus(Subscription.SubscriptionStatus.fromCode(stored.status().code()));
        subscription.setCriteria(stored.criteria().text());
        subscription.setReason(stored.reason() == null ? DEFAULT_REASON : stored.reason());
        subscription.setError(stored.error());
        if (stored.end() != null) {
            subscription.setEnd(Date.from(stored.end()));
        }
        Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
        channel.setType(SubscriptionChannelType.RESTHOOK);
        channel.setEndpoint(stored.channel().endpoint().toString());
        channel.setPayload(PAYLOAD);
        // Header values are the subscriber's credentials: shown back by name only.
        stored.channel().maskedHeaders().forEach(channel::addHeader);
        return subscription;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text != null && text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
