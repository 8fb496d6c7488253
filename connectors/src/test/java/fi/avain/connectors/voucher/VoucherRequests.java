package fi.avain.connectors.voucher;

import fi.avain.connectors.CircuitBreakerSettings;
import fi.avain.connectors.voucher.system.CancelVoucher;
import fi.avain.connectors.voucher.system.GetVoucher;
import fi.avain.connectors.voucher.system.IssueVoucher;
import fi.avain.connectors.voucher.types.VoucherKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import javax.xml.datatype.DatatypeFactory;

/** Small builders for the voucher tests. */
final class VoucherRequests {
    /** A valid identity code that must never show in a log line or an error. */
    static final String HETU = "131052-308T";

    private VoucherRequests() {
    }

    static IssueVoucher issue(String voucherId) {
        IssueVoucher request = new IssueVoucher();
        request.setVoucherId(voucherId);
        request.setTenant("pirkanmaa");
        request.setClientIdentityCode(HETU);
        request.setBudgetId("budget-1");
        request.setLineCode("HOME_CARE");
        request.getServiceClass().add("http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P4.1");
        request.setKind(VoucherKind.MULTI);
        request.setUnitValue(new BigDecimal("35.50"));
        request.setQuantity(BigInteger.TEN);
        request.setBalance(new BigDecimal("355.00"));
        request.setValidFrom(date("2026-02-01"));
        request.setValidUntil(date("2026-12-31"));
        request.setProviderBusinessId("1234567-1");
        return request;
    }

    static CancelVoucher cancel(String voucherId) {
        CancelVoucher request = new CancelVoucher();
        request.setVoucherId(voucherId);
        request.setReason("the client moved");
        return request;
    }

    static GetVoucher get(String voucherId) {
        GetVoucher request = new GetVoucher();
        request.setVoucherId(voucherId);
        return request;
    }

    /** Settings for tests: short timeouts and backoff, two retries. */
    static VoucherSettings settings(String baseUrl, XRoadIdentity avain, Duration readTimeout, Duration backoff) {
        return new VoucherSettings(URI.create(baseUrl), Duration.ofSeconds(1), readTimeout, 2, backoff, 64 * 1024,
                new CircuitBreakerSettings(50, Duration.ofSeconds(30), 20), avain,
                VoucherSystemSimulator.SANDBOX_IDENTITY, "v1");
    }

    static javax.xml.datatype.XMLGregorianCalendar date(String text) {
        return DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(text);
    }
}
