package fi.avain.connectors.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fi.avain.connectors.voucher.events.AvainVoucherService;
import fi.avain.connectors.voucher.events.EventResult;
import fi.avain.connectors.voucher.events.Refusal;
import fi.avain.connectors.voucher.events.ServiceEventRecorded;
import fi.avain.connectors.voucher.events.ServiceEventRecordedResponse;
import fi.avain.connectors.voucher.events.VoucherAccepted;
import fi.avain.connectors.voucher.events.VoucherAcceptedResponse;
import fi.avain.connectors.voucher.events.VoucherCancelled;
import fi.avain.connectors.voucher.events.VoucherCancelledResponse;
import fi.avain.connectors.voucher.events.VoucherEventsPort;
import fi.avain.connectors.voucher.events.VoucherExpired;
import fi.avain.connectors.voucher.events.VoucherExpiredResponse;
import fi.avain.connectors.voucher.types.VoucherFault;
import fi.avain.connectors.voucher.types.VoucherStatus;
import fi.avain.connectors.voucher.xroad.XRoadClientIdentifierType;
import fi.avain.connectors.voucher.xroad.XRoadServiceIdentifierType;
import jakarta.jws.WebService;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.WebServiceException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VoucherEventsSenderTest {
    private static final XRoadIdentity AVAIN = VoucherSystemSimulator.SANDBOX_AVAIN;
    private static final XRoadIdentity VOUCHER_SYSTEM = VoucherSystemSimulator.SANDBOX_IDENTITY;

    private final CountDownLatch closing = new CountDownLatch(1);
    private final LoopbackSoapServer avain = LoopbackSoapServer.start(0, "/soap/vouchers", service -> {
        service.setServiceClass(VoucherEventsPort.class);
        service.setServiceBean(new EchoingAvain(closing));
        service.setWsdlURL("classpath:wsdl/avain-vouchers.wsdl");
        service.setServiceName(AvainVoucherService.SERVICE);
        service.setEndpointName(AvainVoucherService.VoucherEventsPortSoap11);
    });
    private final VoucherEventsSender sender = new VoucherEventsSender(avain.url(), VOUCHER_SYSTEM, AVAIN, "v1",
            Duration.ofSeconds(1), Duration.ofMillis(500));

    @AfterEach
    void stop() {
        closing.countDown();
        sender.close();
        avain.close();
    }

    @Test
    void sendsAnAcceptanceWithXRoadHeadersAndReadsTheEchoBack() throws Refusal {
        SoapReply<VoucherAcceptedResponse> reply = sender.accepted(accepted("v-1"), "provider-user");

        assertThat(reply.response().getStatus()).isEqualTo(VoucherStatus.ACCEPTED);
        XRoadHeaders echoed = reply.headers();
        assertThat(echoed.client()).isEqualTo(VOUCHER_SYSTEM);
        assertThat(echoed.service()).isEqualTo(AVAIN);
        assertThat(echoed.serviceCode()).isEqualTo("voucherAccepted");
        assertThat(echoed.serviceVersion()).isEqualTo("v1");
        assertThat(echoed.id()).hasSize(36);
        assertThat(echoed.userId()).isEqualTo("provider-user");
        assertThat(echoed.protocolVersion()).isEqualTo("4.0");
        List<String> order = List.of("client", "service", "id", "userId", "protocolVersion");
        assertThat(SoapEnvelopes.headerNames(reply.xml().request())).isEqualTo(order);
        assertThat(SoapEnvelopes.headerNames(reply.xml().response())).isEqualTo(order);
    }

    @Test
    void sendsEachEventWithItsOperationAsTheServiceCode() throws Refusal {
        SoapReply<ServiceEventRecordedResponse> event = sender.serviceEvent(serviceEvent("v-1"), "x-2", "u");
        SoapReply<VoucherCancelledResponse> cancelled = sender.cancelled(cancelled("v-1"), "x-3", "u");
        SoapReply<VoucherExpiredResponse> expired = sender.expired(expired("v-1"), "x-4", "u");

        assertThat(event.response().getResult()).isEqualTo(EventResult.APPLIED);
        assertThat(List.of(event.headers(), cancelled.headers(), expired.headers()))
                .extracting(XRoadHeaders::serviceCode, XRoadHeaders::id)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("serviceEventRecorded", "x-2"),
                        org.assertj.core.groups.Tuple.tuple("voucherCancelled", "x-3"),
                        org.assertj.core.groups.Tuple.tuple("voucherExpired", "x-4"));
    }

    @Test
    void avainsRefusalArrivesAsARefusal() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> sender.accepted(accepted("unknown"), "u"));

        assertThat(refusal.getFaultInfo().getFaultCode()).isEqualTo("VOUCHER_NOT_FOUND");
    }

    @Test
    void givesUpAfterTheReadTimeout() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> sender.accepted(accepted("slow"), "u")).isInstanceOf(WebServiceException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void theSimulatorSendsAsTheVoucherSystem() throws Refusal {
        try (VoucherSystemSimulator simulator = VoucherSystemSimulator.start();
             VoucherEventsSender events = simulator.events(avain.url())) {
            XRoadHeaders echoed = events.accepted(accepted("v-1"), "provider-user").headers();

            assertThat(echoed.client()).isEqualTo(simulator.identity());
            assertThat(echoed.service()).isEqualTo(AVAIN);
        }
    }

    private static VoucherAccepted accepted(String voucherId) {
        VoucherAccepted event = new VoucherAccepted();
        event.setVoucherId(voucherId);
        event.setProviderBusinessId("1234567-1");
        event.setAcceptedOn(VoucherRequests.date("2026-02-03"));
        return event;
    }

    private static ServiceEventRecorded serviceEvent(String voucherId) {
        ServiceEventRecorded event = new ServiceEventRecorded();
        event.setVoucherId(voucherId);
        event.setEventId("e-1");
        event.setProviderBusinessId("1234567-1");
        event.setServiceDate(VoucherRequests.date("2026-02-10"));
        event.setServiceClass("http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P4.1");
        event.setQuantity(BigInteger.ONE);
        event.setPrice(new BigDecimal("40.00"));
        event.setChargedToVoucher(new BigDecimal("35.50"));
        event.setClientShare(new BigDecimal("4.50"));
        return event;
    }

    private static VoucherCancelled cancelled(String voucherId) {
        VoucherCancelled event = new VoucherCancelled();
        event.setVoucherId(voucherId);
        return event;
    }

    private static VoucherExpired expired(String voucherId) {
        VoucherExpired event = new VoucherExpired();
        event.setVoucherId(voucherId);
        event.setExpiredOn(VoucherRequests.date("2026-12-31"));
        return event;
    }

    /** Stands in for Avain's endpoint: leaves the holders as they came, so the answer echoes them. */
    @WebService(serviceName = "AvainVoucherService", portName = "VoucherEventsPortSoap11",
            targetNamespace = "http://avain.fi/vouchers/v1", wsdlLocation = "classpath:wsdl/avain-vouchers.wsdl",
            endpointInterface = "fi.avain.connectors.voucher.events.VoucherEventsPort")
    static final class EchoingAvain implements VoucherEventsPort {
        private final CountDownLatch closing;

        EchoingAvain(CountDownLatch closing) {
            this.closing = closing;
        }

        @Override
        public VoucherAcceptedResponse voucherAccepted(VoucherAccepted body, Holder<XRoadClientIdentifierType> client,
                Holder<XRoadServiceIdentifierType> service, Holder<String> id, Holder<String> userId,
                Holder<String> issue, Holder<String> protocolVersion) throws Refusal {
            if (body.getVoucherId().equals("unknown")) {
                VoucherFault fault = new VoucherFault();
                fault.setFaultCode("VOUCHER_NOT_FOUND");
                fault.setFaultString("no such voucher");
                throw new Refusal("no such voucher", fault);
            }
            if (body.getVoucherId().equals("slow")) {
                await();
            }
            VoucherAcceptedResponse response = new VoucherAcceptedResponse();
            response.setVoucherId(body.getVoucherId());
            response.setStatus(VoucherStatus.ACCEPTED);
            response.setRemaining(new BigDecimal("355.00"));
            return response;
        }

        @Override
        public ServiceEventRecordedResponse serviceEventRecorded(ServiceEventRecorded body,
                Holder<XRoadClientIdentifierType> client, Holder<XRoadServiceIdentifierType> service,
                Holder<String> id, Holder<String> userId, Holder<String> issue, Holder<String> protocolVersion) {
            ServiceEventRecordedResponse response = new ServiceEventRecordedResponse();
            response.setVoucherId(body.getVoucherId());
            response.setEventId(body.getEventId());
            response.setResult(EventResult.APPLIED);
            response.setCharged(body.getChargedToVoucher());
            response.setClientShareCharged(body.getClientShare());
            response.setRemaining(new BigDecimal("319.50"));
            return response;
        }

        @Override
        public VoucherCancelledResponse voucherCancelled(VoucherCancelled body, Holder<XRoadClientIdentifierType> client,
                Holder<XRoadServiceIdentifierType> service, Holder<String> id, Holder<String> userId,
                Holder<String> issue, Holder<String> protocolVersion) {
            VoucherCancelledResponse response = new VoucherCancelledResponse();
            response.setVoucherId(body.getVoucherId());
            response.setStatus(VoucherStatus.CANCELLED);
            response.setReleased(new BigDecimal("355.00"));
            return response;
        }

        @Override
        public VoucherExpiredResponse voucherExpired(VoucherExpired body, Holder<XRoadClientIdentifierType> client,
                Holder<XRoadServiceIdentifierType> service, Holder<String> id, Holder<String> userId,
                Holder<String> issue, Holder<String> protocolVersion) {
            VoucherExpiredResponse response = new VoucherExpiredResponse();
            response.setVoucherId(body.getVoucherId());
            response.setStatus(VoucherStatus.EXPIRED);
            response.setRemaining(new BigDecimal("355.00"));
            response.setReleaseAfter(VoucherRequests.date("2027-01-31"));
            return response;
        }

        private void await() {
            try {
                closing.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
