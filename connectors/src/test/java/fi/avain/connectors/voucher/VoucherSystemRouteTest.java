package fi.avain.connectors.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fi.avain.connectors.CircuitBreakerSettings;
import fi.avain.connectors.RouteCalls;
import fi.avain.connectors.voucher.system.CancelVoucherResponse;
import fi.avain.connectors.voucher.system.GetVoucherResponse;
import fi.avain.connectors.voucher.system.IssueVoucher;
import fi.avain.connectors.voucher.system.IssueVoucherResponse;
import fi.avain.connectors.voucher.types.VoucherStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VoucherSystemRouteTest {
    private static final Duration BACKOFF = Duration.ofMillis(40);
    /** Well under the simulator's slow answer (3 s), well over a first call on a busy machine (CXF warming up). */
    private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);
    private static final String USER = "case-worker-17";

    private final VoucherSystemSimulator simulator = VoucherSystemSimulator.start();
    private final RouteCalls routes = new RouteCalls(new VoucherSystemRoute(
            VoucherRequests.settings(simulator.baseUrl(), VoucherSystemSimulator.SANDBOX_AVAIN, READ_TIMEOUT, BACKOFF)));
    private final VoucherSystemClient client = new VoucherSystemClient(routes.template());

    @AfterEach
    void stop() {
        routes.close();
        simulator.close();
    }

    @Test
    void issuesReadsAndCancelsAVoucher() {
        SoapReply<IssueVoucherResponse> issued = client.issue(VoucherRequests.issue("v-1"), "x-1", USER);
        assertThat(issued.response().getVoucherNumber()).isEqualTo("PS-" + Year.now() + "-000001");
        assertThat(issued.response().getStatus()).isEqualTo(VoucherStatus.ISSUED);
        assertThat(issued.attempts()).isEqualTo(1);

        SoapReply<GetVoucherResponse> read = client.get(VoucherRequests.get("v-1"), "x-2", USER);
        assertThat(read.response().getVoucherNumber()).isEqualTo(issued.response().getVoucherNumber());
        assertThat(read.response().getProviderBusinessId()).isEqualTo("1234567-1");

        SoapReply<CancelVoucherResponse> cancelled = client.cancel(VoucherRequests.cancel("v-1"), "x-3", USER);
        assertThat(cancelled.response().getStatus()).isEqualTo(VoucherStatus.CANCELLED);
        assertThat(client.get(VoucherRequests.get("v-1"), "x-4", USER).response().getStatus())
                .isEqualTo(VoucherStatus.CANCELLED);
    }

    @Test
    void sendsTheXRoadHeadersFromTheSettingsAndReadsThemBack() {
        SoapReply<IssueVoucherResponse> issued = client.issue(VoucherRequests.issue("v-1"), "x-1", USER, "case-42");

        XRoadHeaders echoed = issued.headers();
        assertThat(echoed.client()).isEqualTo(VoucherSystemSimulator.SANDBOX_AVAIN);
        assertThat(echoed.service()).isEqualTo(VoucherSystemSimulator.SANDBOX_IDENTITY);
        assertThat(echoed.serviceCode()).isEqualTo("issueVoucher");
        assertThat(echoed.serviceVersion()).isEqualTo("v1");
        assertThat(echoed.id()).isEqualTo("x-1");
        assertThat(echoed.userId()).isEqualTo(USER);
        assertThat(echoed.issue()).isEqualTo("case-42");
        assertThat(echoed.protocolVersion()).isEqualTo("4.0");
    }

    @Test
    void theResponseEchoesTheHeadersInTheOrderSent() {
        SoapXml xml = client.issue(VoucherRequests.issue("v-1"), "x-1", USER, "case-42").xml();

        List<String> order = List.of("client", "service", "id", "userId", "issue", "protocolVersion");
        assertThat(SoapEnvelopes.headerNames(xml.request())).isEqualTo(order);
        assertThat(SoapEnvelopes.headerNames(xml.response())).isEqualTo(order);
        assertThat(SoapEnvelopes.headerText(xml.response(), "id")).isEqualTo("x-1");
        assertThat(xml.request()).contains("<", "issueVoucher", VoucherRequests.HETU);
    }

    @Test
    void aRepeatedXRoadIdOrVoucherIdAnswersTheVoucherAlreadyIssued() {
        String first = client.issue(VoucherRequests.issue("v-1"), "x-1", USER).response().getVoucherNumber();
        String sameXRoadId = client.issue(VoucherRequests.issue("v-1"), "x-1", USER).response().getVoucherNumber();
        String sameVoucherId = client.issue(VoucherRequests.issue("v-1"), "x-2", USER).response().getVoucherNumber();

        assertThat(sameXRoadId).isEqualTo(first);
        assertThat(sameVoucherId).isEqualTo(first);
        assertThat(simulator.voucherCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = VoucherSystemFault.class, names = {"SERVER_FAULT", "HTTP_503"})
    void retriesWithBackoffAndTheSameXRoadId(VoucherSystemFault fault) {
        simulator.failNext(2, fault);
        long started = System.nanoTime();

        SoapReply<IssueVoucherResponse> issued = client.issue(VoucherRequests.issue("v-1"), "x-1", USER);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(BACKOFF.multipliedBy(3));
        assertThat(issued.attempts()).isEqualTo(3);
        assertThat(simulator.callsWithXRoadId("x-1")).isEqualTo(3);
        assertThat(simulator.calls("issueVoucher")).isEqualTo(3);
        assertThat(simulator.voucherCount()).isEqualTo(1);
    }

    @Test
    void aSlowAnswerTimesOutAndTheRetrySucceeds() {
        simulator.slowDelay(Duration.ofSeconds(3));
        simulator.failNext(1, VoucherSystemFault.SLOW);

        SoapReply<IssueVoucherResponse> issued = client.issue(VoucherRequests.issue("v-1"), "x-1", USER);

        assertThat(issued.attempts()).isEqualTo(2);
        assertThat(simulator.callsWithXRoadId("x-1")).isEqualTo(2);
        assertThat(issued.response().getVoucherNumber()).endsWith("-000001");
    }

    @Test
    void failsAfterTheLastRetryAndSaysHowManyAttemptsWereMade() {
        simulator.failAlways("", VoucherSystemFault.SERVER_FAULT);

        VoucherSystemException failure = catchThrowableOfType(VoucherSystemException.class,
                () -> client.issue(VoucherRequests.issue("v-1"), "x-1", USER));

        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.isRefusal()).isFalse();
        assertThat(failure.faultCode()).isEqualTo("Server");
        assertThat(failure.getMessage())
                .isEqualTo("voucher-system: issueVoucher failed with SOAP fault Server after 3 attempts (transient)");
        assertThat(failure.xml().request()).contains("x-1");
        assertThat(failure.xml().response()).contains("injected server fault");
        assertThat(simulator.callsWithXRoadId("x-1")).isEqualTo(3);
    }

    @Test
    void aTimeoutOnEveryAttemptFailsAsTransient() {
        simulator.slowDelay(Duration.ofSeconds(3));
        simulator.failAlways("", VoucherSystemFault.SLOW);

        VoucherSystemException failure = catchThrowableOfType(VoucherSystemException.class,
                () -> client.get(VoucherRequests.get("v-1"), "x-1", USER));

        assertThat(failure.reason()).isEqualTo("getVoucher timed out after 3 attempts");
        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.xml().response()).isNull();
    }

    @Test
    void aClientFaultIsNotRetried() {
        simulator.failNext(1, VoucherSystemFault.CLIENT_FAULT);

        VoucherSystemException failure = catchThrowableOfType(VoucherSystemException.class,
                () -> client.issue(VoucherRequests.issue("v-1"), "x-1", USER));

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.faultCode()).isEqualTo("Client");
        assertThat(simulator.calls("issueVoucher")).isEqualTo(1);
        assertThat(simulator.voucherCount()).isZero();
    }

    @Test
    void aRefusalIsFinalAndCarriesTheVoucherSystemsCode() {
        VoucherSystemException failure = catchThrowableOfType(VoucherSystemException.class,
                () -> client.cancel(VoucherRequests.cancel("no-such-voucher"), "x-1", USER));

        assertThat(failure.isRefusal()).isTrue();
        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.faultCode()).isEqualTo("VOUCHER_NOT_FOUND");
        assertThat(failure.faultString()).isEqualTo("no voucher with that id");
        assertThat(failure.reason()).isEqualTo("cancelVoucher refused: VOUCHER_NOT_FOUND after 1 attempt");
        assertThat(simulator.calls("cancelVoucher")).isEqualTo(1);
    }

    @Test
    void anUnknownClientGetsAClientFault() {
        XRoadIdentity stranger = new XRoadIdentity("FI-TEST", "GOV", "0000000-0", "other");
        try (RouteCalls strangerRoutes = new RouteCalls(new VoucherSystemRoute(
                VoucherRequests.settings(simulator.baseUrl(), stranger, READ_TIMEOUT, BACKOFF)))) {
            VoucherSystemException failure = catchThrowableOfType(VoucherSystemException.class,
                    () -> new VoucherSystemClient(strangerRoutes.template()).issue(VoucherRequests.issue("v-1"), "x-1", USER));

            assertThat(failure.faultCode()).isEqualTo("Client.AccessDenied");
            assertThat(failure.attempts()).isEqualTo(1);
        }
        assertThat(simulator.voucherCount()).isZero();
    }

    @Test
    void aConnectionRefusedIsRetriedThenFailsAsTransient() {
        simulator.close();

        VoucherSystemException failure = catchThrowableOfType(VoucherSystemException.class,
                () -> client.get(VoucherRequests.get("v-1"), "x-1", USER));

        assertThat(failure.reason()).startsWith("getVoucher connection");
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.isTransient()).isTrue();
    }

    @Test
    void aResponseLargerThanTheLimitFailsWithoutRetrying() {
        VoucherSettings small = new VoucherSettings(URI.create(simulator.baseUrl()), Duration.ofSeconds(1),
                READ_TIMEOUT, 2, BACKOFF, 1024, CircuitBreakerSettings.defaults(),
                VoucherSystemSimulator.SANDBOX_AVAIN, VoucherSystemSimulator.SANDBOX_IDENTITY, "v1");
        try (RouteCalls smallRoutes = new RouteCalls(new VoucherSystemRoute(small))) {
            // The voucher system echoes the issue header, so a long one makes a long answer.
            VoucherSystemException failure = catchThrowableOfType(VoucherSystemException.class,
                    () -> new VoucherSystemClient(smallRoutes.template()).issue(VoucherRequests.issue("v-1"), "x-1", USER,
                            "c".repeat(2000)));

            assertThat(failure.reason()).isEqualTo("issueVoucher response larger than the limit of 1024 bytes after 1 attempt");
            assertThat(failure.isTransient()).isFalse();
        }
    }

    @Test
    void opensTheCircuitAfterRepeatedFailures() {
        VoucherSettings touchy = new VoucherSettings(URI.create(simulator.baseUrl()), Duration.ofSeconds(1),
                READ_TIMEOUT, 0, BACKOFF, 64 * 1024, new CircuitBreakerSettings(50, Duration.ofSeconds(30), 4),
                VoucherSystemSimulator.SANDBOX_AVAIN, VoucherSystemSimulator.SANDBOX_IDENTITY, "v1");
        simulator.failAlways("", VoucherSystemFault.SERVER_FAULT);
        VoucherSystemException last = null;
        try (RouteCalls touchyRoutes = new RouteCalls(new VoucherSystemRoute(touchy))) {
            VoucherSystemClient touchyClient = new VoucherSystemClient(touchyRoutes.template());
            for (int call = 0; call < 10; call++) {
                last = catchThrowableOfType(VoucherSystemException.class,
                        () -> touchyClient.get(VoucherRequests.get("v-1"), XRoadHeaders.newId(), USER));
            }
        }

        assertThat(last.reason()).isEqualTo("getVoucher not sent: circuit breaker open after 1 attempt");
        assertThat(last.isTransient()).isTrue();
        assertThat(last.isRetryable()).isFalse();
        assertThat(simulator.calls("getVoucher")).isLessThan(10);
    }

    @Test
    void theIdentityCodeStaysOutOfLogsAndErrorsButIsInTheStoredXml() {
        List<Throwable> failures = new ArrayList<>();
        List<String> logged;
        try (LogCapture logs = new LogCapture("fi.avain", "org.apache.camel", "org.apache.cxf")) {
            SoapReply<IssueVoucherResponse> issued = client.issue(VoucherRequests.issue("v-1"), "x-1", USER);
            assertThat(issued.xml().request()).contains(VoucherRequests.HETU);
            simulator.failNext(1, VoucherSystemFault.CLIENT_FAULT);
            failures.add(catchThrowableOfType(VoucherSystemException.class,
                    () -> client.issue(VoucherRequests.issue("v-2"), "x-2", USER)));
            simulator.failNext(3, VoucherSystemFault.SERVER_FAULT);
            failures.add(catchThrowableOfType(VoucherSystemException.class,
                    () -> client.issue(VoucherRequests.issue("v-3"), "x-3", USER)));
            IssueVoucher backwards = VoucherRequests.issue("v-4");
            backwards.setValidUntil(VoucherRequests.date("2026-01-01"));
            failures.add(catchThrowableOfType(VoucherSystemException.class, () -> client.issue(backwards, "x-4", USER)));
            logged = logs.texts();
        }

        assertThat(logged).isNotEmpty().noneMatch(text -> text != null && text.contains(VoucherRequests.HETU));
        assertThat(failures).hasSize(3).allSatisfy(failure -> {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage())).doesNotContain(VoucherRequests.HETU);
            }
            assertThat(((VoucherSystemException) failure).xml().request()).contains(VoucherRequests.HETU);
        });
        assertThat(((VoucherSystemException) failures.get(2)).faultCode()).isEqualTo("INVALID_VALIDITY");
    }
}
