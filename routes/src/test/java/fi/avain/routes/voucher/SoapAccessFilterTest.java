package fi.avain.routes.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoapAccessFilterTest {

    private static SoapAccessFilter allowing(String... addresses) {
        return new SoapAccessFilter(new VoucherFlowSettings(30, List.of(addresses)));
    }

    @Test
    void onlyTheConfiguredAddressesAndBlocksMayCall() {
        SoapAccessFilter filter = allowing("127.0.0.1", "::1", "10.20.0.0/16");
        assertThat(filter.permitted("127.0.0.1")).isTrue();
        assertThat(filter.permitted("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(filter.permitted("10.20.255.3")).isTrue();
        assertThat(filter.permitted("10.21.0.1")).isFalse();
        assertThat(filter.permitted("127.0.0.2")).isFalse();
        assertThat(filter.permitted("192.168.1.1")).isFalse();
        assertThat(filter.permitted("not an address")).isFalse();
    }

    @Test
    void aMalformedBlockStopsStartUp() {
        assertThatThrownBy(() -> allowing("10.0.0.0/33")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> allowing("security-server.example")).hasMessageContaining("not an address");
        assertThatThrownBy(() -> allowing("10.0.0.0/x")).hasMessageContaining("CIDR");
    }
}
