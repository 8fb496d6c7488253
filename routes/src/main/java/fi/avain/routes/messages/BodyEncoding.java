package fi.avain.routes.messages;

import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * How a message body is stored before it is sealed. A large body is compressed with LZ4 when that
 * saves enough: PTV items, SOAP calls and files are JSON or XML that shrink three to four times,
 * and every stored byte is encrypted, written to PostgreSQL's TOAST and its WAL. Small bodies, such
 * as generic card authorizations, stay as received: there is too little to gain.
 */
enum BodyEncoding {
    IDENTITY("identity"),
    /** A 4-byte big-endian length of the body, then one LZ4 block. */
    LZ4("lz4");

    /** Bodies shorter than this are stored as received. */
    static final int MIN_COMPRESSED = 1024;
    /** The largest body a stored LZ4 one may claim to open to: far above any body the flows accept. */
    static final int MAX_BODY = 256 * 1024 * 1024;
    private static final int LENGTH_BYTES = 4;
    private static final LZ4Factory FACTORY = factory();
    private static final LZ4Compressor COMPRESSOR = FACTORY.fastCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();

    private final String column;

    /**
     * lz4-java's native code, four times as fast as its Java; {@code fastestInstance()} would not load it
     * from Spring Boot's class loader. Where it cannot load (a temporary directory mounted noexec, an
     * unusual platform), the Java one: slower, the same bytes.
     */
    private static LZ4Factory factory() {
        try {
            return LZ4Factory.nativeInstance();
        } catch (LinkageError | RuntimeException e) {
            return LZ4Factory.fastestJavaInstance();
        }
    }

    BodyEncoding(String column) {
        this.column = column;
    }

    /** The value of {@code message.body_encoding}. */
    String column() {
        return column;
    }

    static BodyEncoding ofColumn(String value) {
        for (BodyEncoding encoding : values()) {
            if (encoding.column.equals(value)) {
                return encoding;
            }
        }
        throw new IllegalStateException("unknown message body encoding '" + value + "'");
    }

    record Encoded(BodyEncoding encoding, byte[] bytes) {
    }

    /** The body as it is to be sealed: compressed when it is large and shrinks by at least an eighth. */
    static Encoded encode(byte[] body) {
        if (body.length < MIN_COMPRESSED) {
            return new Encoded(IDENTITY, body);
        }
        byte[] out = new byte[LENGTH_BYTES + COMPRESSOR.maxCompressedLength(body.length)];
        ByteBuffer.wrap(out).putInt(body.length);
        int size = LENGTH_BYTES + COMPRESSOR.compress(body, 0, body.length, out, LENGTH_BYTES, out.length - LENGTH_BYTES);
        if (size > body.length - body.length / 8) {
            return new Encoded(IDENTITY, body);
        }
        return new Encoded(LZ4, Arrays.copyOf(out, size));
    }

    /** The body as received, from what {@link #encode} stored; an inconsistent one cannot be read. */
    byte[] decode(byte[] stored) {
        if (this == IDENTITY) {
            return stored;
        }
        if (stored.length < LENGTH_BYTES) {
            throw new MessageCipher.BodyUnreadableException("an LZ4 message body is shorter than its length");
        }
        int length = ByteBuffer.wrap(stored).getInt();
        if (length < 0 || length > MAX_BODY) {
            throw new MessageCipher.BodyUnreadableException("an LZ4 message body claims " + length + " bytes");
        }
        byte[] body = new byte[length];
        try {
            int read = DECOMPRESSOR.decompress(stored, LENGTH_BYTES, stored.length - LENGTH_BYTES, body, 0, length);
            if (read != length) {
                throw new MessageCipher.BodyUnreadableException("an LZ4 message body opens to " + read
                        + " bytes, not the " + length + " it claims");
            }
        } catch (LZ4Exception e) {
            throw new MessageCipher.BodyUnreadableException("an LZ4 message body is not a valid LZ4 block", e);
        }
        return body;
    }
}
