package fi.avain.routes.jdbc;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)}: the bulk writes of a batch
 * (messages, their keys, the catalogue copy), which PostgreSQL takes for less work than the same rows
 * as INSERTs, with nothing to parse. The rows go in pieces of about a megabyte, each one COPY on the
 * current transaction's connection, so callers run in a transaction and all the pieces commit or roll
 * back with the rest. Other databases (the sandbox's H2) use INSERTs; callers ask {@link #supportedBy}
 * once.
 */
public final class CopyRows {
    /** PostgreSQL's timestamps count microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    /** Rows are sent once this many bytes of them are waiting, so a large batch never sits in memory whole. */
    private static final int SEND_AT_BYTES = 1 << 20;

    private final JdbcTemplate jdbc;
    private final String sql;
    private final int columns;
    private final int sendAtBytes;
    private byte[] buffer = new byte[8192];
    private int length;
    private int waiting;
    private long copied;
    private int columnsInRow;

    public CopyRows(JdbcTemplate jdbc, String table, List<String> columnNames) {
        this(jdbc, table, columnNames, SEND_AT_BYTES);
    }

    CopyRows(JdbcTemplate jdbc, String table, List<String> columnNames, int sendAtBytes) {
        this.jdbc = jdbc;
        this.sql = "copy " + table + " (" + String.join(", ", columnNames) + ") from stdin (format binary)";
        this.columns = columnNames.size();
        this.sendAtBytes = sendAtBytes;
        columnsInRow = columns;
        header();
    }

    /** Whether the data source is PostgreSQL, whose driver takes a binary COPY. */
    public static boolean supportedBy(DataSource dataSource) {
        try {
            return dataSource != null && "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                    DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            return false;
        }
    }

    /** Starts the next row; its values follow, one per column in the order given. */
    public CopyRows row() {
        checkRowComplete();
        if (length >= sendAtBytes) {
            send();
        }
        int16(columns);
        columnsInRow = 0;
        waiting++;
        return this;
    }

    public CopyRows text(String value) {
        return value == null ? nullValue() : field(value.getBytes(StandardCharsets.UTF_8));
    }

    public CopyRows bytes(byte[] value) {
        return value == null ? nullValue() : field(value);
    }

    public CopyRows uuid(UUID value) {
        if (value == null) {
            return nullValue();
        }
        begin(16);
        int64(value.getMostSignificantBits());
        int64(value.getLeastSignificantBits());
        return this;
    }

    public CopyRows int4(int value) {
        begin(4);
        int32(value);
        return this;
    }

    /**
     * A {@code timestamp with time zone}, rounded half up to the microsecond (the column keeps no finer
     * part), as the driver rounds a timestamp it binds to an INSERT.
     */
    public CopyRows timestamp(Instant value) {
        if (value == null) {
            return nullValue();
        }
        begin(8);
        int64(Math.addExact(Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                (value.getNano() + 500) / 1_000));
        return this;
    }

    /** Sends the rows not sent yet; answers how many rows PostgreSQL took in all. */
    public long finish() {
        checkRowComplete();
        send();
        return copied;
    }

    /** One COPY of the complete rows waiting, through the transaction's connection. */
    private void send() {
        if (waiting == 0) {
            return;
        }
        int16(-1);
        ByteArrayInputStream rows = new ByteArrayInputStream(buffer, 0, length);
        Long count = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, rows);
            } catch (java.io.IOException e) {
                throw new java.sql.SQLException("could not send the rows of " + sql, e);
            }
        });
        copied += count == null ? 0 : count;
        waiting = 0;
        length = 0;
        header();
    }

    private void header() {
        write(SIGNATURE);
        int32(0);
        int32(0);
    }

    private CopyRows nullValue() {
        begin(-1);
        return this;
    }

    private CopyRows field(byte[] value) {
        begin(value.length);
        write(value);
        return this;
    }

    private void begin(int fieldLength) {
        if (columnsInRow >= columns) {
            throw new IllegalStateException("more values than the " + columns + " columns of " + sql);
        }
        columnsInRow++;
        int32(fieldLength);
    }

    private void checkRowComplete() {
        if (columnsInRow != columns) {
            throw new IllegalStateException("a row has " + columnsInRow + " of the " + columns + " values of " + sql);
        }
    }

    private void int16(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
    }

    private void int64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
    }

    private void write(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
