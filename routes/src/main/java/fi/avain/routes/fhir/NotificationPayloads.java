package fi.avain.routes.fhir;

import java.util.UUID;

/**
 * The body of a rest-hook notification: the resource as it stands when the notification is sent, as
 * FHIR JSON ({@code application/fhir+json}). Called on the dispatcher's delivery threads, outside any
 * transaction; a notification is sent again until it is taken, so the state sent is always the latest.
 */
public interface NotificationPayloads {

    /**
     * The resource's JSON; {@code resourceType} is {@code ChargeItem} or {@code Account}. Throwing counts as
     * a failed attempt (retried with backoff), so throw only what a later attempt might not.
     */
    String json(String resourceType, UUID resourceId);
}
