package fi.avain.routes.reports;

import java.util.Comparator;

/** A report's group: tenant × client group × cohort, the unit that is suppressed when small. */
record GroupKey(String tenant, String clientGroup, String cohort) implements Comparable<GroupKey> {
    private static final Comparator<GroupKey> ORDER = Comparator.comparing(GroupKey::tenant)
            .thenComparing(GroupKey::clientGroup).thenComparing(GroupKey::cohort);

    @Override
    public int compareTo(GroupKey other) {
        return ORDER.compare(this, other);
    }
}
