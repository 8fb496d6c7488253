package fi.avain.routes.messages;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts message bodies at rest with AES-256-GCM: a fresh random 96-bit nonce per body (NIST SP
 * 800-38D, 8.2.2) and the message id as associated data, so a body copied onto another row fails to
 * decrypt. Bodies sealed under a previous key stay readable while that key is configured.
 */
@Component
public class MessageCipher {
    static final String KEY_PROPERTY = "avain.messages.encryption-key";
    private static final String PREVIOUS_KEYS_PROPERTY = "avain.messages.previous-keys";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** One per thread, initialised afresh for every body: looking a cipher up costs more than sealing a small body. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    });

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    public MessageCipher(MessageStoreSettings settings) {
        if (settings.keyId() == null || settings.keyId().isBlank()) {
            throw new IllegalStateException("avain.messages.key-id must not be blank");
        }
        Map<String, SecretKey> all = new HashMap<>();
        settings.previousKeys().forEach((id, key) -> all.put(id, aesKey(key, PREVIOUS_KEYS_PROPERTY + "." + id)));
        all.put(settings.keyId(), aesKey(settings.encryptionKey(), KEY_PROPERTY));
        this.currentKeyId = settings.keyId();
        this.keys = Map.copyOf(all);
    }

    /** Seals {@code plaintext} bound to {@code messageId}: it opens only with the same id. */
    public SealedBody seal(UUID messageId, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return new SealedBody(currentKeyId, nonce, run(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), messageId, nonce, plaintext));
    }

    /** Throws {@link BodyUnreadableException} when the key is unknown or the ciphertext was altered. */
    public byte[] open(UUID messageId, SealedBody sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new BodyUnreadableException("body of message " + messageId + " is sealed with key '" + sealed.keyId()
                    + "', which is not configured (add it under " + PREVIOUS_KEYS_PROPERTY + ")");
        }
        return run(Cipher.DECRYPT_MODE, key, messageId, sealed.nonce(), sealed.ciphertext());
    }

    private static byte[] run(int mode, SecretKey key, UUID messageId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(idBytes(messageId));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            if (mode == Cipher.ENCRYPT_MODE) {
                throw new IllegalStateException("AES-GCM is not available in this JVM", e);
            }
            throw new BodyUnreadableException("body of message " + messageId
                    + " failed authentication: altered, or sealed with another key under the same id", e);
        }
    }

    private static byte[] idBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    private static SecretKey aesKey(EncryptionKey configured, String property) {
        String hint = property + " must be the base64 of 32 random bytes (AES-256), e.g. the output of `openssl rand -base64 32`";
        if (configured == null || configured.base64() == null || configured.base64().isBlank()) {
            throw new IllegalStateException(property + " is not set: " + hint);
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(configured.base64().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64: " + hint);
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalStateException(property + " decodes to " + raw.length + " bytes: " + hint);
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** A stored body that cannot be decrypted: wrong or missing key, or altered bytes. */
    public static final class BodyUnreadableException extends RuntimeException {
        BodyUnreadableException(String message) {
            super(message);
        }

        BodyUnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
