package fi.avain.connectors.voucher;

import java.util.Objects;
import java.util.UUID;

/**
 * The X-Road 4.0 headers of one message: who calls ({@code client}), which provider and operation
 * ({@code service}, {@code serviceCode}, {@code serviceVersion}), the message id, the end user, the
 * optional case reference ({@code issue}) and the protocol version. As read back from an answer a
 * part may be null where the other side left it out. {@code userId} can be a personal code, so
 * {@link #toString()} leaves it out.
 */
public record XRoadHeaders(
        XRoadIdentity client,
        XRoadIdentity service,
        String serviceCode,
        String serviceVersion,
        String id,
        String userId,
        String issue,
        String protocolVersion) {

    /** The X-Road message protocol version Avain speaks. */
    public static final String PROTOCOL_VERSION = "4.0";

    /** A request's headers, protocol 4.0; {@code issue} may be null. */
    public static XRoadHeaders request(XRoadIdentity client, XRoadIdentity service, String serviceCode,
            String serviceVersion, String id, String userId, String issue) {
        return new XRoadHeaders(Objects.requireNonNull(client, "client"), Objects.requireNonNull(service, "service"),
                Objects.requireNonNull(serviceCode, "serviceCode"), serviceVersion, requireText(id, "id"),
                requireText(userId, "userId"), issue, PROTOCOL_VERSION);
    }

    /** A fresh message id, for a call that is not the repeat of an earlier one. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String toString() {
        return "XRoadHeaders[client=" + client + ", service=" + service + "/" + serviceCode + "/" + serviceVersion
                + ", id=" + id + ", issue=" + issue + ", protocolVersion=" + protocolVersion + "]";
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the X-Road " + name + " header must not be blank");
        }
        return value;
    }
}
