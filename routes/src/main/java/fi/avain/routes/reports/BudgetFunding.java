package fi.avain.routes.reports;

import fi.avain.mappings.budget.Channel;
import fi.avain.mappings.model.FundingMode;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which services a budget line can pay for, by the funding modes the catalogue gives them and the
 * channels the line spends through:
 * <ul>
 * <li>{@code voucher}: services with the voucher mode (providers approved for the service voucher) or the
 * personal budget mode;</li>
 * <li>{@code card}, {@code invoice}, {@code declaration}: services with the personal budget mode, or sold to
 * clients who pay themselves ({@code self_paid}): the budget pays the provider in the client's place.</li>
 * </ul>
 * {@code public} services are the county's own production, arranged rather than bought, and {@code free}
 * ones leave the budget nothing to pay: neither meets a need a budget line pays for.
 */
final class BudgetFunding {
    /** Every mode some channel can pay for: what an unmet-need mark, which names no line, is compared with. */
    static final Set<FundingMode> ANY_CHANNEL =
            EnumSet.of(FundingMode.VOUCHER, FundingMode.PERSONAL_BUDGET, FundingMode.SELF_PAID);

    private BudgetFunding() {
    }

    static EnumSet<FundingMode> fitting(Channel channel) {
        return switch (channel) {
            case VOUCHER -> EnumSet.of(FundingMode.VOUCHER, FundingMode.PERSONAL_BUDGET);
            case CARD, INVOICE, DECLARATION -> EnumSet.of(FundingMode.PERSONAL_BUDGET, FundingMode.SELF_PAID);
        };
    }

    /** The modes any of the channels (as the ledger writes them: card, voucher...) can pay for; unknown ones add none. */
    static EnumSet<FundingMode> fitting(Collection<String> channels) {
        EnumSet<FundingMode> modes = EnumSet.noneOf(FundingMode.class);
        for (String text : channels) {
            try {
                modes.addAll(fitting(Channel.parse(text)));
            } catch (IllegalArgumentException e) {
                // a channel this version does not know pays for nothing it could count
            }
        }
        return modes;
    }

    /** A catalogue facet value (voucher, personal_budget...) as a mode; empty for a value this version does not know. */
    static Optional<FundingMode> mode(String facetValue) {
        try {
            return Optional.of(FundingMode.valueOf(facetValue.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
