package fi.avain.budget;

import fi.avain.mappings.budget.Channel;
import fi.avain.mappings.budget.Period;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A budget line as stored: its rules and its balances at the moment it was read. */
public record LineState(UUID id, UUID budgetId, String code, String category, long allocatedCents, long heldCents,
                        long spentCents, Period period, Set<String> serviceClasses, Set<String> merchantCategories,
                        Set<Channel> channels, Long perTransactionLimitCents, Long perDayLimitCents,
                        boolean clientShareCharged, int version) {

    static final String COLUMNS = """
            l.id, l.budget_id, l.code, l.category, l.allocated_cents, l.held_cents, l.spent_cents, l.period_start,
            l.period_end, l.service_classes, l.merchant_categories, l.channels, l.per_transaction_limit_cents,
            l.per_day_limit_cents, l.client_share_charged, l.version""";

    public long availableCents() {
        return allocatedCents - heldCents - spentCents;
    }

    public boolean allowsMerchantCategory(String mcc) {
        return channels.contains(Channel.CARD) && merchantCategories.contains(mcc);
    }

    static LineState read(ResultSet rs, int row) throws SQLException {
        return new LineState(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                new Period(rs.getDate(8).toLocalDate(), rs.getDate(9).toLocalDate()), words(rs.getString(10)),
                words(rs.getString(11)),
                words(rs.getString(12)).stream().map(Channel::parse).collect(Collectors.toUnmodifiableSet()),
                (Long) rs.getObject(13, Long.class), (Long) rs.getObject(14, Long.class), rs.getBoolean(15),
                rs.getInt(16));
    }

    static Set<String> words(String text) {
        return text == null || text.isBlank() ? Set.of()
                : Arrays.stream(text.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }

    static String joined(Set<String> words) {
        return words.stream().sorted().collect(Collectors.joining(" "));
    }
}
