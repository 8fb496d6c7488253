package fi.avain.routes.reports;

import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/** A query's rows ordered by the client's place in the report, handed out one client at a time. */
final class OrderedRows<T> {
    private final Iterator<T> rows;
    private final ToIntFunction<T> place;
    private T next;

    OrderedRows(Iterator<T> rows, ToIntFunction<T> place) {
        this.rows = rows;
        this.place = place;
        this.next = rows.hasNext() ? rows.next() : null;
    }

    /** Hands every row of the client at {@code ord} to {@code each}. */
    void take(int ord, Consumer<T> each) {
        while (next != null && place.applyAsInt(next) <= ord) {
            if (place.applyAsInt(next) == ord) {
                each.accept(next);
            }
            next = rows.hasNext() ? rows.next() : null;
        }
    }
}
