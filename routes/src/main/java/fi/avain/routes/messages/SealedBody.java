package fi.avain.routes.messages;

/** A body as stored: AES-GCM ciphertext (with its tag), the nonce it was sealed with and the key's id. */
public record SealedBody(String keyId, byte[] nonce, byte[] ciphertext) {
}
