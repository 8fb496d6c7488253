package fi.avain.mappings.budget;

import fi.avain.mappings.model.Money;
import fi.avain.mappings.model.ServiceClassUri;
import java.util.Set;

/**
 * One line of a care and service plan's budget: what it may be spent on, through which channels,
 * with which limits.
 *
 * @param code                  the line's id within the plan, stable across re-plans
 * @param merchantCategoryCodes card merchant category codes (four digits) the line pays for
 * @param perTransactionLimit   largest single card spend, or null for none
 * @param perDayLimit           largest total of card spends in one day (Europe/Helsinki), or null for none
 * @param clientShareCharged    whether a voucher's client share (omavastuu) is charged to this line
 */
public record PlanLine(String code, String category, Money allocated, Period period,
                       Set<ServiceClassUri> serviceClasses, Set<String> merchantCategoryCodes, Set<Channel> channels,
                       Money perTransactionLimit, Money perDayLimit, boolean clientShareCharged) {

    public PlanLine {
        serviceClasses = Set.copyOf(serviceClasses);
        merchantCategoryCodes = Set.copyOf(merchantCategoryCodes);
        channels = Set.copyOf(channels);
    }

    public boolean allows(Channel channel) {
        return channels.contains(channel);
    }
}
