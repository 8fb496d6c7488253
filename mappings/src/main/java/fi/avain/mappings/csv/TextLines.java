package fi.avain.mappings.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The physical lines of a UTF-8 file, one at a time. Each line is decoded on its own, so a bad
 * byte or an overlong line spoils only that line; a byte order mark before the first is dropped.
 */
public final class TextLines {
    public static final int MAX_LINE_BYTES = 64 * 1024;
    private static final String BOM = "\uFEFF";

    /** A line without its line break; {@code error} set when the text is only a best-effort reading. */
    public record Line(int number, String text, String error) {
    }

    private final InputStream in;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private int number;
    private boolean ended;

    public TextLines(InputStream in) {
        this.in = in;
    }

    public Optional<Line> next() throws IOException {
        if (ended) {
            return Optional.empty();
        }
        buffer.reset();
        boolean overlong = false;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (buffer.size() < MAX_LINE_BYTES) {
                buffer.write(b);
            } else {
                overlong = true;
            }
        }
        if (b == -1) {
            ended = true;
            if (buffer.size() == 0 && !overlong) {
                return Optional.empty();
            }
        }
        number++;
        byte[] bytes = buffer.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' && !overlong ? bytes.length - 1 : bytes.length;
        if (overlong) {
            return Optional.of(new Line(number, lenient(bytes, length), "longer than " + MAX_LINE_BYTES + " bytes"));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            return Optional.of(new Line(number, withoutBom(text), null));
        } catch (CharacterCodingException e) {
            return Optional.of(new Line(number, lenient(bytes, length), "is not valid UTF-8"));
        }
    }

    private String lenient(byte[] bytes, int length) {
        return withoutBom(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }

    private String withoutBom(String text) {
        return number == 1 && text.startsWith(BOM) ? text.substring(1) : text;
    }
}
