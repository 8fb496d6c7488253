package fi.avain.connectors.simulator;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic values for generated catalogues: the same seed, kind and index always give the
 * same value, whatever order items are generated or served in.
 */
public final class GeneratedValues {
    private static final int[] BUSINESS_ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2};

    private GeneratedValues() {
    }

    /** A random source for one item. */
    public static SplittableRandom random(long seed, int kind, long index) {
        return new SplittableRandom(mix(seed * 31 + kind) ^ mix(index + 0x9E3779B97F4A7C15L * (kind + 1)));
    }

    /** A version-4-shaped UUID for one item. */
    public static String uuid(long seed, int kind, long index) {
        SplittableRandom random = random(seed, kind ^ 0x55, index);
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /**
     * A valid business id (Y-tunnus) near {@code digits} (0..9 999 999): digits whose weighted sum
     * leaves remainder 1 have no check digit, so the next digits are taken instead.
     */
    public static String businessId(int digits) {
        int candidate = Math.floorMod(digits, 10_000_000);
        while (true) {
            String text = String.format("%07d", candidate);
            int sum = 0;
            for (int i = 0; i < 7; i++) {
                sum += (text.charAt(i) - '0') * BUSINESS_ID_WEIGHTS[i];
            }
            int remainder = sum % 11;
            if (remainder != 1) {
                return text + "-" + (remainder == 0 ? 0 : 11 - remainder);
            }
            candidate = (candidate + 1) % 10_000_000;
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
