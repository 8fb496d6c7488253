package fi.avain.routes.voucher;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code avain.vouchers.*}: how long after a voucher's validity its providers may still record the
 * services they produced before it ended, before the remainder returns to the budget line; and the
 * addresses (X-Road security servers; addresses or CIDR blocks) that may call {@code /soap/vouchers}.
 */
@Validated
@ConfigurationProperties("avain.vouchers")
public record VoucherFlowSettings(@DefaultValue("30") @Min(0) @Max(365) int graceDays,
                                  @NotEmpty(message = "must name the X-Road security servers that may call "
                                          + "/soap/vouchers (addresses or CIDR blocks)")
                                  List<String> soapAllowedAddresses) {
}
