package fi.avain.routes.reports;

import java.util.Arrays;

/** A growing array of longs: a group's per-client amounts (for the median) without boxing each one. */
final class LongList {
    private long[] values = new long[16];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    long sum() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum = ReportSums.add(sum, values[i]);
        }
        return sum;
    }

    long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}
