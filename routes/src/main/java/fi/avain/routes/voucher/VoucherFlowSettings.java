package fi.avain.routes.voucher;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code avain.vouchers.*}: how long after a voucher's validity its providers may still record the
 * services they produced before it ended, before the remainder returns to the budget line.
 */
@Validated
@ConfigurationProperties("avain.vouchers")
public record VoucherFlowSettings(@DefaultValue("30") @Min(0) @Max(365) int graceDays) {
}
