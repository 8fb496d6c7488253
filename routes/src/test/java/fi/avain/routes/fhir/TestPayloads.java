package fi.avain.routes.fhir;

import java.util.UUID;

/** The resource named, and nothing more: what the tests need to tell notifications apart. */
final class TestPayloads implements NotificationPayloads {
    @Override
    public String json(String resourceType, UUID resourceId) {
        return "{\"resourceType\":\"" + resourceType + "\",\"id\":\"" + resourceId + "\"}";
    }
}
