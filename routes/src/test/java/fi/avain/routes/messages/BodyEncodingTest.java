package fi.avain.routes.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyEncodingTest {
    private static byte[] json(int items) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < items; i++) {
            text.append(i == 0 ? "" : ",").append("{\"uri\":\"http://www.yso.fi/onto/koko/p").append(1000 + i)
                    .append("\",\"name\":[{\"language\":\"fi\",\"value\":\"palvelu ").append(i).append("\"}]}");
        }
        return text.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsASmallBodyAsReceived() {
        byte[] body = "{\"authorizationId\":\"iauth_1\",\"amount\":1250}".getBytes(StandardCharsets.UTF_8);

        BodyEncoding.Encoded encoded = BodyEncoding.encode(body);

        assertThat(encoded.encoding()).isEqualTo(BodyEncoding.IDENTITY);
        assertThat(encoded.bytes()).isSameAs(body);
        assertThat(BodyEncoding.IDENTITY.decode(encoded.bytes())).isEqualTo(body);
    }

    @Test
    void compressesALargeBodyAndOpensItToTheSameBytes() {
        byte[] body = json(200);

        BodyEncoding.Encoded encoded = BodyEncoding.encode(body);

        assertThat(encoded.encoding()).isEqualTo(BodyEncoding.LZ4);
        assertThat(encoded.bytes().length).isLessThan(body.length / 2);
        assertThat(ByteBuffer.wrap(encoded.bytes()).getInt()).isEqualTo(body.length);
        assertThat(BodyEncoding.LZ4.decode(encoded.bytes())).isEqualTo(body);
    }

    @Test
    void keepsALargeBodyThatDoesNotShrinkAsReceived() {
        byte[] body = new byte[64 * 1024];
        new Random(7).nextBytes(body);

        BodyEncoding.Encoded encoded = BodyEncoding.encode(body);

        assertThat(encoded.encoding()).isEqualTo(BodyEncoding.IDENTITY);
        assertThat(encoded.bytes()).isSameAs(body);
    }

    @Test
    void refusesAStoredBodyThatIsNotWhatItClaims() {
        byte[] stored = BodyEncoding.encode(json(200)).bytes();
        byte[] longer = stored.clone();
        ByteBuffer.wrap(longer).putInt(ByteBuffer.wrap(stored).getInt() + 1);
        byte[] huge = stored.clone();
        ByteBuffer.wrap(huge).putInt(BodyEncoding.MAX_BODY + 1);
        byte[] negative = stored.clone();
        ByteBuffer.wrap(negative).putInt(-1);
        byte[] broken = stored.clone();
        Arrays.fill(broken, 4, 40, (byte) 0xff);

        for (byte[] bad : new byte[][] {longer, huge, negative, broken, Arrays.copyOf(stored, stored.length / 2),
                new byte[] {0, 0}}) {
            assertThatThrownBy(() -> BodyEncoding.LZ4.decode(bad))
                    .isInstanceOf(MessageCipher.BodyUnreadableException.class)
                    .hasMessageContaining("LZ4 message body");
        }
    }

    @Test
    void readsTheColumnsValuesAndNothingElse() {
        assertThat(BodyEncoding.ofColumn("identity")).isEqualTo(BodyEncoding.IDENTITY);
        assertThat(BodyEncoding.ofColumn("lz4")).isEqualTo(BodyEncoding.LZ4);
        assertThatThrownBy(() -> BodyEncoding.ofColumn("gzip")).hasMessageContaining("unknown message body encoding 'gzip'");
    }
}
