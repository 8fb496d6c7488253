package fi.avain.routes.card;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The card channel's rules ({@code avain.card.*}).
 *
 * @param decisionTimeout           how long the ledger may take to decide; past it the answer is decline
 *                                  (inside Stripe's 2 s)
 * @param holdTtl                   how long a hold lives before it is released, for most merchants
 * @param longHoldTtl               the same for hotels, car rental and travel, which capture late
 * @param longHoldMerchantCategories the merchant category codes and ranges ("3000-3999") given the long time
 * @param workers                   decisions in flight at once; more wait, and past the deadline are declined
 */
@Validated
@ConfigurationProperties("avain.card")
public record CardSettings(
        @DefaultValue("1500ms") @NotNull Duration decisionTimeout,
        @DefaultValue("P7D") @NotNull Duration holdTtl,
        @DefaultValue("P31D") @NotNull Duration longHoldTtl,
        @DefaultValue({"3000-3999", "4112", "4411", "4511", "4722", "7011", "7512", "7513", "7519"})
        List<String> longHoldMerchantCategories,
        @DefaultValue("16") int workers) {

    public CardSettings {
        if (decisionTimeout.isNegative() || decisionTimeout.isZero() || decisionTimeout.toMillis() > 1900) {
            throw new IllegalArgumentException("avain.card.decision-timeout must be more than 0 and at most 1900 ms, "
                    + "inside the processor's 2 s");
        }
        longHoldMerchantCategories = longHoldMerchantCategories == null ? List.of() : List.copyOf(longHoldMerchantCategories);
        longHoldRanges(longHoldMerchantCategories);
        if (workers < 1) {
            throw new IllegalArgumentException("avain.card.workers must be at least 1");
        }
    }

    /** How long a hold for this merchant category lives. */
    public Duration holdTtlFor(String mcc) {
        if (mcc == null || mcc.length() != 4 || !mcc.chars().allMatch(Character::isDigit)) {
            return holdTtl;
        }
        int code = Integer.parseInt(mcc);
        for (int[] range : longHoldRanges(longHoldMerchantCategories)) {
            if (code >= range[0] && code <= range[1]) {
                return longHoldTtl;
            }
        }
        return holdTtl;
    }

    /** "7011" or "3000-3999" as [from, to]; anything else stops start-up rather than a decision. */
    private static List<int[]> longHoldRanges(List<String> entries) {
        return RANGES.computeIfAbsent(entries, list -> list.stream().map(entry -> {
            Matcher m = RANGE.matcher(entry.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("avain.card.long-hold-merchant-categories: '" + entry
                        + "' is not a four-digit code or a range like 3000-3999");
            }
            int from = Integer.parseInt(m.group(1));
            return new int[] {from, m.group(2) == null ? from : Integer.parseInt(m.group(2))};
        }).toList());
    }

    private static final Pattern RANGE = Pattern.compile("(\\d{4})(?:\\s*-\\s*(\\d{4}))?");
    private static final Map<List<String>, List<int[]>> RANGES = new ConcurrentHashMap<>();
}
