package fi.avain.routes.voucher;

import fi.avain.budget.InvalidRequestException;
import fi.avain.budget.LedgerException;
import fi.avain.budget.Vouchers;
import fi.avain.budget.VoucherRefusedException;
import fi.avain.connectors.voucher.XRoadIdentity;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageStatus;
import fi.avain.routes.messages.MessageStore;
import fi.avain.routes.messages.PersonalDataMasker;
import fi.avain.routes.messages.StoredMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.transform.TransformerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Element;

/**
 * What the voucher system tells Avain over {@code /soap/vouchers}, applied to the ledger once: the
 * X-Road headers checked, the request stored in the message store before its effect, a repeated X-Road
 * id answered as the first time, every refusal a fault that says why and leaves the ledger as it was.
 */
public class VoucherEvents {
    public static final String FLOW = "voucher-events";
    static final String SERVICE_VERSION = "v1";
    private static final Logger LOG = LoggerFactory.getLogger(VoucherEvents.class);

    private final VoucherEventOperations operations;
    private final Vouchers vouchers;
    private final XRoadRequests requests;
    private final MessageStore messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final XRoadIdentity avain;
    private final Set<XRoadIdentity> allowedClients;

    public VoucherEvents(Vouchers vouchers, XRoadRequests requests, MessageStore messages, TransactionTemplate tx,
                         Clock clock, XRoadIdentity avain, Set<XRoadIdentity> allowedClients, int graceDays) {
        this.operations = new VoucherEventOperations(vouchers, clock, graceDays);
        this.vouchers = vouchers;
        this.requests = requests;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
        this.avain = avain;
        this.allowedClients = Set.copyOf(allowedClients);
    }

    /** The answer to one request: a response body and the headers to echo, or a fault. */
    public record Answer(Element body, List<Element> echo, VoucherFaults fault, MessageStatus status) {
        static Answer refused(VoucherFaults fault) {
            return new Answer(null, List.of(), fault, MessageStatus.ERROR);
        }
    }

    /** A request as it arrived: its SOAP header elements and its body element. */
    public Answer handle(List<Element> soapHeaders, Element body) {
        return handle(soapHeaders, body, null);
    }

    /** A stored request again, as an operator's replay: applied if it never was, else answered as before. */
    Answer replay(StoredMessage message) {
        SoapEnvelopes.Envelope envelope = SoapEnvelopes.read(message.body());
        return handle(envelope.headers(), envelope.body(), message);
    }

    private Answer handle(List<Element> soapHeaders, Element body, StoredMessage replayOf) {
        UUID messageId = replayOf != null ? replayOf.id() : UUID.randomUUID();
        String operation = body == null ? null : body.getLocalName();
        String voucherId = body == null ? null : VoucherEventOperations.voucherIdOf(body);
        XRoadHeaders headers;
        try {
            headers = XRoadHeaders.read(soapHeaders);
            if (body == null || !VoucherFaults.NS.equals(body.getNamespaceURI())
                    || !VoucherEventOperations.known(operation)) {
                return store(replayOf, messageId, unidentified(messageId, soapHeaders, body, voucherId),
                        VoucherFaults.client("UNKNOWN_OPERATION", "the body is not a request of this service"));
            }
            headers.requireClient(allowedClients);
            headers.requireAddressedTo(avain, operation, SERVICE_VERSION);
        } catch (XRoadHeaders.InvalidHeaderException e) {
            return store(replayOf, messageId, unidentified(messageId, soapHeaders, body, voucherId),
                    VoucherFaults.client("INVALID_XROAD_HEADER", e.getMessage()));
        }
        byte[] envelope = replayOf != null ? replayOf.body() : SoapEnvelopes.write(soapHeaders, body);
        InboundMessage inbound = new InboundMessage(FLOW, headers.id(), tenantOfQuietly(voucherId),
                keys(voucherId, operation, headers.client()), "text/xml", envelope);
        String key = headers.replayKey();
        String hash = RequestFingerprint.of(operation, headers, body);
        try {
            return tx.execute(status -> {
                if (!requests.claim(key, operation, hash, messageId, clock.instant())) {
                    return repeat(key, hash, headers, replayOf, messageId, inbound);
                }
                Element response = operations.apply(operation, body, headers.id(), messageId);
                requests.answered(key, xml(response));
                if (replayOf == null) {
                    messages.record(messageId, inbound, MessageStatus.PROCESSED, null);
                }
                return new Answer(response, headers.elements(), null, MessageStatus.PROCESSED);
            });
        } catch (VoucherRefusedException e) {
            return refuse(replayOf, messageId, inbound,
                    VoucherFaults.client(e.refusal().name(), e.getMessage()));
        } catch (SoapFields.InvalidFieldException | InvalidRequestException e) {
            return refuse(replayOf, messageId, inbound,
                    VoucherFaults.client("INVALID_REQUEST", e.getMessage()));
        } catch (LedgerException e) {
            return refuse(replayOf, messageId, inbound,
                    VoucherFaults.client("REFUSED", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("voucher request {} {} could not be applied: {}", operation, PersonalDataMasker.mask(headers.id()),
                    PersonalDataMasker.mask(e.getClass().getName() + ": " + e.getMessage()));
            VoucherFaults fault = VoucherFaults.server("TEMPORARY_FAILURE",
                    "Avain could not record the request now; send it again with the same id");
            storeQuietly(replayOf, messageId, inbound, fault);
            return Answer.refused(fault);
        }
    }

    /**
     * A refusal changed nothing and is not kept under the request's id: a repeat is decided again (and
     * is refused again unless the voucher's state changed), and a malformed request cannot take the id
     * of the valid one that follows it.
     */
    private Answer refuse(StoredMessage replayOf, UUID messageId, InboundMessage inbound, VoucherFaults fault) {
        return store(replayOf, messageId, inbound, fault);
    }

    private Answer repeat(String key, String hash, XRoadHeaders headers, StoredMessage replayOf, UUID messageId,
                          InboundMessage inbound) {
        XRoadRequests.Answer first = requests.find(key).orElseThrow();
        if (!RequestFingerprint.matches(first.requestHash(), hash, inbound.body())) {
            VoucherFaults fault = VoucherFaults.client("ID_REUSED", "the X-Road message id " + headers.id()
                    + " was used before for a different request");
            if (replayOf == null) {
                messages.record(messageId, inbound, MessageStatus.ERROR, fault.message());
            }
            return Answer.refused(fault);
        }
        if (replayOf == null) {
            messages.record(messageId, inbound, MessageStatus.DUPLICATE, null);
        }
        return new Answer(parse(first.response()), headers.elements(), null, MessageStatus.DUPLICATE);
    }

    private Answer store(StoredMessage replayOf, UUID messageId, InboundMessage inbound, VoucherFaults fault) {
        storeQuietly(replayOf, messageId, inbound, fault);
        return Answer.refused(fault);
    }

    private void storeQuietly(StoredMessage replayOf, UUID messageId, InboundMessage inbound, VoucherFaults fault) {
        if (replayOf != null) {
            return;
        }
        try {
            messages.record(messageId, inbound, MessageStatus.ERROR, fault.message());
        } catch (RuntimeException e) {
            LOG.warn("a refused voucher request could not be stored: {}", PersonalDataMasker.mask(e.toString()));
        }
    }

    private InboundMessage unidentified(UUID messageId, List<Element> soapHeaders, Element body, String voucherId) {
        return new InboundMessage(FLOW, "unidentified:" + messageId, tenantOfQuietly(voucherId),
                keys(voucherId, body == null ? null : body.getLocalName(), null), "text/xml",
                SoapEnvelopes.write(soapHeaders, body));
    }

    private static Map<String, String> keys(String voucherId, String operation, XRoadIdentity client) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("voucherId", voucherId);
        keys.put("operation", operation);
        keys.put("xroadClient", client == null ? null : client.toString());
        return keys;
    }

    private String tenantOf(String voucherId) {
        return voucherId == null ? null : vouchers.tenantOf(voucherId).orElse(null);
    }

    private String tenantOfQuietly(String voucherId) {
        try {
            return tenantOf(voucherId);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String xml(Element element) {
        try {
            String text = new String(SoapEnvelopes.serialize(element), StandardCharsets.UTF_8);
            return text.startsWith("<?xml") ? text.substring(text.indexOf("?>") + 2) : text;
        } catch (TransformerException e) {
            throw new IllegalStateException("could not write XML", e);
        }
    }

    private static Element parse(String xml) {
        try {
            return SoapEnvelopes.builder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("a stored answer could not be read", e);
        }
    }
}
