package fi.avain.connectors.voucher;

import fi.avain.connectors.voucher.system.CancelVoucher;
import fi.avain.connectors.voucher.system.CancelVoucherResponse;
import fi.avain.connectors.voucher.system.GetVoucher;
import fi.avain.connectors.voucher.system.GetVoucherResponse;
import fi.avain.connectors.voucher.system.IssueVoucher;
import fi.avain.connectors.voucher.system.IssueVoucherResponse;
import java.util.Arrays;

/** The voucher system's operations: the request and response types and the X-Road service code. */
enum VoucherOperation {
    ISSUE("issueVoucher", IssueVoucher.class, IssueVoucherResponse.class),
    CANCEL("cancelVoucher", CancelVoucher.class, CancelVoucherResponse.class),
    GET("getVoucher", GetVoucher.class, GetVoucherResponse.class);

    /** The WSDL operation, which is also the X-Road {@code serviceCode}. */
    final String operationName;
    final Class<?> requestType;
    final Class<?> responseType;

    VoucherOperation(String operationName, Class<?> requestType, Class<?> responseType) {
        this.operationName = operationName;
        this.requestType = requestType;
        this.responseType = responseType;
    }

    static VoucherOperation of(Object request) {
        return Arrays.stream(values()).filter(operation -> operation.requestType.isInstance(request)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the body must be an IssueVoucher, CancelVoucher or "
                        + "GetVoucher, not " + (request == null ? "null" : request.getClass().getSimpleName())));
    }
}
