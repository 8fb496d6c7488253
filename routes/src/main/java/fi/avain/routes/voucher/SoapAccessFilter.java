package fi.avain.routes.voucher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
    private final List<Block> allowed;

    SoapAccessFilter(VoucherFlowSettings settings) {
        this.allowed = settings.soapAllowedAddresses().stream().map(Block::parse).toList();
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

    /** An address and how many leading bits of it must match. */
    record Block(byte[] address, int bits) {
        static Block parse(String text) {
            String[] parts = text.strip().split("/", 2);
            try {
                // a literal address only: a host name here would be looked up in DNS at start-up
                if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                    throw new IllegalArgumentException("not an address: " + text);
                }
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("prefix out of range: " + text);
                }
                return new Block(address, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("avain.vouchers.soap-allowed-addresses: not an address or CIDR "
                        + "block: " + text, e);
            }
        }

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int shift = address.length * 8 - bits;
            return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, address).shiftRight(shift));
        }
    }
}
