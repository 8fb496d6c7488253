package fi.avain.routes.budget;

import fi.avain.budget.ClientIdentities;
import fi.avain.mappings.model.Hetu;
import fi.avain.routes.messages.MessageCipher;
import fi.avain.routes.messages.MessageStoreSettings;
import fi.avain.routes.messages.SealedBody;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Identity codes in the ledger: sealed with the message store's AES-GCM keys, and found by an
 * HMAC-SHA256 pseudonym. The pseudonym key is {@code avain.ledger.pseudonym-key} or, when that is not
 * set, derived from the message store's key; set it explicitly before ever rotating that key, since
 * pseudonyms must stay the same.
 */
final class SealedIdentities implements ClientIdentities {
    /** Every identity code is sealed under this one associated-data id: the ledger's, not a message's. */
    private static final UUID IDENTITY_AAD = UUID.nameUUIDFromBytes("avain-client-identity".getBytes(StandardCharsets.UTF_8));

    private final MessageCipher cipher;
    private final SecretKeySpec pseudonymKey;

    SealedIdentities(MessageCipher cipher, MessageStoreSettings messages, String configuredPseudonymKey) {
        this.cipher = cipher;
        byte[] key;
        if (configuredPseudonymKey != null && !configuredPseudonymKey.isBlank()) {
            key = Base64.getDecoder().decode(configuredPseudonymKey.strip());
        } else {
            key = hmac(new SecretKeySpec(Base64.getDecoder().decode(messages.encryptionKey().base64().strip()),
                    "HmacSHA256"), "avain-client-pseudonym");
        }
        this.pseudonymKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public String pseudonym(Hetu hetu) {
        return HexFormat.of().formatHex(hmac(pseudonymKey, hetu.unmasked()));
    }

    @Override
    public Sealed seal(Hetu hetu) {
        SealedBody sealed = cipher.seal(IDENTITY_AAD, hetu.unmasked().getBytes(StandardCharsets.UTF_8));
        return new Sealed(sealed.ciphertext(), sealed.nonce(), sealed.keyId());
    }

    @Override
    public Hetu open(Sealed sealed) {
        byte[] plain = cipher.open(IDENTITY_AAD, new SealedBody(sealed.keyId(), sealed.nonce(), sealed.ciphertext()));
        return Hetu.parse(new String(plain, StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
