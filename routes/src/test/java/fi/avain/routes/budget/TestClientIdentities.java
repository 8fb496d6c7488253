package fi.avain.routes.budget;

import fi.avain.budget.ClientIdentities;
import fi.avain.mappings.model.Hetu;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Pseudonyms by SHA-256 and "sealing" that only reverses the text: enough for tests where no key is at stake. */
public final class TestClientIdentities implements ClientIdentities {
    @Override
    public String pseudonym(Hetu hetu) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("test:" + hetu.unmasked()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Sealed seal(Hetu hetu) {
        byte[] bytes = new StringBuilder(hetu.unmasked()).reverse().toString().getBytes(StandardCharsets.UTF_8);
        return new Sealed(bytes, new byte[12], "test");
    }

    @Override
    public Hetu open(Sealed sealed) {
        return Hetu.parse(new StringBuilder(new String(sealed.ciphertext(), StandardCharsets.UTF_8)).reverse()
                .toString());
    }
}
