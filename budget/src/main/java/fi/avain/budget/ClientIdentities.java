package fi.avain.budget;

import fi.avain.mappings.model.Hetu;

/**
 * How the ledger keeps identity codes: a keyed hash (the pseudonym) to find a client by, and the code
 * itself only sealed. The application supplies the keys.
 */
public interface ClientIdentities {

    /** A stable keyed hash of the code, hex; the same code always gives the same pseudonym. */
    String pseudonym(Hetu hetu);

    Sealed seal(Hetu hetu);

    Hetu open(Sealed sealed);

    record Sealed(byte[] ciphertext, byte[] nonce, String keyId) {
    }
}
