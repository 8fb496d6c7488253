package fi.avain.routes.voucher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import fi.avain.routes.web.AddressBlock;
import fi.avain.routes.web.SoapFaultResponse;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only the X-Road security servers ({@code avain.vouchers.soap-allowed-addresses}) reach
 * {@code /soap/**}: X-Road authenticates members between security servers, and the X-Road headers a
 * caller writes prove nothing by themselves. Anyone else gets a SOAP fault and nothing is read: this
 * runs before {@code RequestBodyReader} reads a chunked or gzip-coded body.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class SoapAccessFilter extends OncePerRequestFilter {
    private final List<AddressBlock> allowed;

    SoapAccessFilter(VoucherFlowSettings settings) {
        this.allowed = settings.soapAllowedAddresses().stream()
                .map(text -> AddressBlock.parse("avain.vouchers.soap-allowed-addresses", text)).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/soap/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (permitted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        SoapFaultResponse.write(response, "This address may not call the service; calls come through the "
                + "X-Road security server.", VoucherFaults.NS, "ACCESS_DENIED");
    }

    boolean permitted(String address) {
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
        return allowed.stream().anyMatch(block -> block.contains(bytes));
    }
}
