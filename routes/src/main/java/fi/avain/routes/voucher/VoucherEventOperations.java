package fi.avain.routes.voucher;

import static fi.avain.routes.voucher.SoapFields.businessId;
import static fi.avain.routes.voucher.SoapFields.cents;
import static fi.avain.routes.voucher.SoapFields.euros;
import static fi.avain.routes.voucher.SoapFields.optionalDate;
import static fi.avain.routes.voucher.SoapFields.optionalText;
import static fi.avain.routes.voucher.SoapFields.quantity;
import static fi.avain.routes.voucher.SoapFields.text;
import static fi.avain.routes.voucher.SoapFields.xmlDate;

import fi.avain.budget.Vouchers;
import fi.avain.connectors.voucher.events.EventResult;
import fi.avain.connectors.voucher.events.ObjectFactory;
import fi.avain.connectors.voucher.events.ServiceEventRecorded;
import fi.avain.connectors.voucher.events.ServiceEventRecordedResponse;
import fi.avain.connectors.voucher.events.VoucherAccepted;
import fi.avain.connectors.voucher.events.VoucherAcceptedResponse;
import fi.avain.connectors.voucher.events.VoucherCancelled;
import fi.avain.connectors.voucher.events.VoucherCancelledResponse;
import fi.avain.connectors.voucher.events.VoucherExpired;
import fi.avain.connectors.voucher.events.VoucherExpiredResponse;
import fi.avain.connectors.voucher.types.VoucherStatus;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The four operations of {@code /soap/vouchers}: a request body in, its effect on the ledger, the
 * response body out. Runs inside the caller's transaction; a refusal throws and leaves nothing behind.
 */
final class VoucherEventOperations {
    static final String NS = "http://avain.fi/vouchers/v1";
    private static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");
    private static final JAXBContext JAXB;

    static {
        try {
            JAXB = JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Vouchers vouchers;
    private final Clock clock;
    private final int graceDays;

    VoucherEventOperations(Vouchers vouchers, Clock clock, int graceDays) {
        this.vouchers = vouchers;
        this.clock = clock;
        this.graceDays = graceDays;
    }

    static boolean known(String operation) {
        return switch (operation) {
            case "voucherAccepted", "serviceEventRecorded", "voucherCancelled", "voucherExpired" -> true;
            default -> false;
        };
    }

    /** The voucher a request is about, for the message store's keys; null when it cannot be read. */
    static String voucherIdOf(Element body) {
        for (Element child : SoapEnvelopes.children(body)) {
            if ("voucherId".equals(child.getLocalName())) {
                String id = child.getTextContent();
                return id == null || id.isBlank() || id.length() > 64 ? null : id.strip();
            }
        }
        return null;
    }

    Element apply(String operation, Element body, String xroadId, UUID messageId) {
        Object response = switch (operation) {
            case "voucherAccepted" -> accepted(read(body, VoucherAccepted.class));
            case "serviceEventRecorded" -> serviceEvent(read(body, ServiceEventRecorded.class), messageId);
            case "voucherCancelled" -> cancelled(read(body, VoucherCancelled.class), xroadId, messageId);
            case "voucherExpired" -> expired(read(body, VoucherExpired.class), messageId);
            default -> throw new SoapFields.InvalidFieldException("unknown operation " + operation);
        };
        return write(response);
    }

    private VoucherAcceptedResponse accepted(VoucherAccepted request) {
        String voucherId = text(request.getVoucherId(), "voucherId");
        String number = optionalText(request.getVoucherNumber(), "voucherNumber", 200);
        if (number != null) {
            vouchers.find(voucherId).map(Vouchers.VoucherView::voucherNumber)
                    .filter(known -> known != null && !known.equals(number))
                    .ifPresent(known -> {
                        throw new SoapFields.InvalidFieldException("voucherNumber " + number
                                + " is not the number of voucher " + voucherId);
                    });
        }
        Vouchers.VoucherView view = vouchers.accept(voucherId,
                businessId(request.getProviderBusinessId(), "providerBusinessId"),
                optionalDate(request.getAcceptedOn(), "acceptedOn", today()));
        VoucherAcceptedResponse response = new VoucherAcceptedResponse();
        response.setVoucherId(view.id());
        response.setStatus(VoucherStatus.valueOf(view.status().name()));
        response.setRemaining(euros(view.remainingCents()));
        return response;
    }

    private ServiceEventRecordedResponse serviceEvent(ServiceEventRecorded request, UUID messageId) {
        LocalDate serviceDate = optionalDate(request.getServiceDate(), "serviceDate", today());
        if (serviceDate.isAfter(today())) {
            throw new SoapFields.InvalidFieldException("serviceDate " + serviceDate + " is in the future");
        }
        Vouchers.ServiceEvent event = new Vouchers.ServiceEvent(text(request.getVoucherId(), "voucherId"),
                text(request.getEventId(), "eventId"), businessId(request.getProviderBusinessId(), "providerBusinessId"),
                serviceDate, text(request.getServiceClass(), "serviceClass"),
                quantity(request.getQuantity(), "quantity"), cents(request.getPrice(), "price"),
                cents(request.getChargedToVoucher(), "chargedToVoucher"), cents(request.getClientShare(), "clientShare"),
                Boolean.TRUE.equals(request.isNeedsApproval()),
                optionalText(request.getDescription(), "description", 1000));
        Vouchers.EventOutcome outcome = vouchers.recordEvent(event, messageId);
        ServiceEventRecordedResponse response = new ServiceEventRecordedResponse();
        response.setVoucherId(outcome.voucherId());
        response.setEventId(outcome.eventId());
        response.setResult(EventResult.valueOf(outcome.result().name()));
        response.setCharged(euros(outcome.chargedCents()));
        response.setClientShareCharged(euros(outcome.clientShareBookedCents()));
        response.setRemaining(euros(outcome.remainingCents()));
        response.setDeclarationId(outcome.declarationId() == null ? null : outcome.declarationId().toString());
        return response;
    }

    private VoucherCancelledResponse cancelled(VoucherCancelled request, String xroadId, UUID messageId) {
        String voucherId = text(request.getVoucherId(), "voucherId");
        optionalDate(request.getCancelledOn(), "cancelledOn", today());
        optionalText(request.getReason(), "reason", 1000);
        long before = vouchers.find(voucherId).map(Vouchers.VoucherView::remainingCents).orElse(0L);
        Vouchers.VoucherView view = vouchers.cancel(voucherId, "xroad:" + xroadId, messageId);
        VoucherCancelledResponse response = new VoucherCancelledResponse();
        response.setVoucherId(view.id());
        response.setStatus(VoucherStatus.valueOf(view.status().name()));
        response.setReleased(euros(Math.max(0, before - view.remainingCents())));
        return response;
    }

    private VoucherExpiredResponse expired(VoucherExpired request, UUID messageId) {
        String voucherId = text(request.getVoucherId(), "voucherId");
        Vouchers.VoucherView view = vouchers.expire(voucherId, optionalDate(request.getExpiredOn(), "expiredOn", today()), messageId);
        VoucherExpiredResponse response = new VoucherExpiredResponse();
        response.setVoucherId(view.id());
        response.setStatus(VoucherStatus.valueOf(view.status().name()));
        response.setRemaining(euros(view.remainingCents()));
        response.setReleaseAfter(xmlDate(view.validUntil().plusDays(graceDays)));
        return response;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), FINLAND);
    }

    private static <T> T read(Element body, Class<T> type) {
        SoapFields.checkShape(body, type);
        try {
            Unmarshaller unmarshaller = JAXB.createUnmarshaller();
            StringBuilder problem = new StringBuilder();
            unmarshaller.setEventHandler(event -> {
                if (event.getSeverity() == ValidationEvent.WARNING) {
                    return true;
                }
                org.w3c.dom.Node node = event.getLocator() == null ? null : event.getLocator().getNode();
                String where = node == null ? "" : (node.getLocalName() != null ? node.getLocalName()
                        : node.getParentNode() != null ? node.getParentNode().getLocalName() : null) + ": ";
                problem.append(where).append(event.getMessage());
                return false;
            });
            try {
                return unmarshaller.unmarshal(body, type).getValue();
            } catch (JAXBException e) {
                throw new SoapFields.InvalidFieldException("the " + body.getLocalName() + " request could not be read: "
                        + (!problem.isEmpty() ? problem : e.getMessage() != null ? e.getMessage() : "malformed"));
            }
        } catch (JAXBException e) {
            throw new IllegalStateException("no unmarshaller", e);
        }
    }

    private static Element write(Object response) {
        try {
            Document doc = SoapEnvelopes.builder().newDocument();
            Marshaller marshaller = JAXB.createMarshaller();
            marshaller.marshal(response, doc);
            return doc.getDocumentElement();
        } catch (JAXBException | ParserConfigurationException e) {
            throw new IllegalStateException("could not write the response", e);
        }
    }

}
