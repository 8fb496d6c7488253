package fi.avain.routes.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.budget.Vouchers.VoucherStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SampleVoucherKeyTest {

    @Test
    void theFirstStartAsksForTheFirstSampleVoucher() {
        assertThat(SandboxSamples.openSampleVoucherKey(key -> Optional.empty())).isEqualTo("sandbox-voucher-0001");
    }

    @Test
    void anOpenSampleVoucherIsKept() {
        Map<String, VoucherStatus> known = Map.of("sandbox-voucher-0001", VoucherStatus.ISSUED);
        assertThat(SandboxSamples.openSampleVoucherKey(key -> Optional.ofNullable(known.get(key))))
                .isEqualTo("sandbox-voucher-0001");
    }

    @Test
    void pastEveryVoucherTheExamplesClosedTheNextIsAskedForHoweverManyThereAre() {
        Map<String, VoucherStatus> known = new HashMap<>();
        for (int n = 1; n <= 25; n++) {
            known.put("sandbox-voucher-%04d".formatted(n), n % 2 == 0 ? VoucherStatus.CANCELLED : VoucherStatus.EXPIRED);
        }
        assertThat(SandboxSamples.openSampleVoucherKey(key -> Optional.ofNullable(known.get(key))))
                .isEqualTo("sandbox-voucher-0026");
    }

    @Test
    void aSampleVoucherWhoseIssueFailedIsAskedForAgainNotPassed() {
        Map<String, VoucherStatus> known = Map.of("sandbox-voucher-0001", VoucherStatus.CANCELLED,
                "sandbox-voucher-0002", VoucherStatus.FAILED);
        assertThat(SandboxSamples.openSampleVoucherKey(key -> Optional.ofNullable(known.get(key))))
                .isEqualTo("sandbox-voucher-0002");
    }
}
