package fi.avain.routes.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The configured API keys, matched against what a caller presents. Keys are compared as SHA-256
 * digests in constant time, every key every time; the principal is named after the role and the
 * key's position, never the key. Shared by the API's filter and the FHIR chain, so both accept
 * exactly the same keys.
 */
final class ApiKeys {
    private record Key(byte[] digest, ApiKeyCaller caller) {
    }

    private final List<Key> keys = new ArrayList<>();

    ApiKeys(SecuritySettings settings) {
        settings.apiKeys().forEach((role, values) -> {
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (value != null && !value.isBlank()) {
                    keys.add(new Key(digest(value.strip()),
                            new ApiKeyCaller(role.toLowerCase(Locale.ROOT), role + "-key-" + (i + 1))));
                }
            }
        });
    }

    /** The caller whose key this is, or empty when it is no configured key. */
    Optional<ApiKeyCaller> match(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] digest = digest(presented.strip());
        ApiKeyCaller match = null;
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.digest(), digest)) {
                match = key.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
