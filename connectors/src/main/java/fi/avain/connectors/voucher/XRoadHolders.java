package fi.avain.connectors.voucher;

import fi.avain.connectors.voucher.xroad.XRoadClientIdentifierType;
import fi.avain.connectors.voucher.xroad.XRoadIdentifierType;
import fi.avain.connectors.voucher.xroad.XRoadServiceIdentifierType;
import jakarta.xml.ws.Holder;
import java.util.List;

/**
 * The generated ports take each X-Road header as an in-out {@link Holder}: filled from
 * {@link XRoadHeaders} before a call, holding what the other side echoed after it.
 */
final class XRoadHolders {
    final Holder<XRoadClientIdentifierType> client;
    final Holder<XRoadServiceIdentifierType> service;
    final Holder<String> id;
    final Holder<String> userId;
    final Holder<String> issue;
    final Holder<String> protocolVersion;

    private XRoadHolders(XRoadHeaders headers) {
        client = new Holder<>(headers.client().asClient());
        service = new Holder<>(headers.service().asService(headers.serviceCode(), headers.serviceVersion()));
        id = new Holder<>(headers.id());
        userId = new Holder<>(headers.userId());
        issue = new Holder<>(headers.issue());
        protocolVersion = new Holder<>(headers.protocolVersion());
    }

    static XRoadHolders of(XRoadHeaders headers) {
        return new XRoadHolders(headers);
    }

    /** The arguments of a port method, in the generated signature's order: body, then the headers. */
    List<Object> arguments(Object body) {
        return List.of(body, client, service, id, userId, issue, protocolVersion);
    }

    /** What the holders hold now. */
    XRoadHeaders read() {
        return read(client, service, id, userId, issue, protocolVersion);
    }

    /** Reads headers from the holders a port method received; an unreadable identity reads as null. */
    static XRoadHeaders read(Holder<XRoadClientIdentifierType> client, Holder<XRoadServiceIdentifierType> service,
            Holder<String> id, Holder<String> userId, Holder<String> issue, Holder<String> protocolVersion) {
        XRoadServiceIdentifierType serviceId = value(service);
        return new XRoadHeaders(identity(value(client)), identity(serviceId),
                serviceId == null ? null : serviceId.getServiceCode(),
                serviceId == null ? null : serviceId.getServiceVersion(),
                value(id), value(userId), value(issue), value(protocolVersion));
    }

    private static XRoadIdentity identity(XRoadIdentifierType id) {
        if (id == null) {
            return null;
        }
        try {
            return XRoadIdentity.of(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <T> T value(Holder<T> holder) {
        return holder == null ? null : holder.value;
    }
}
