package fi.avain.routes.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP address block: an address and how many of its leading bits must match (CIDR). */
public record AddressBlock(byte[] address, int bits) {
    /**
     * Parses {@code 10.0.0.0/8}, {@code fc00::/7} or a single address.
     *
     * @param setting the setting the text came from, for the error
     */
    public static AddressBlock parse(String setting, String text) {
        String[] parts = text.strip().split("/", 2);
        try {
            // a literal address only: a host name here would be looked up in DNS at start-up
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException(setting + ": not an address or CIDR block: " + text);
            }
            byte[] address = InetAddress.getByName(parts[0]).getAddress();
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException(setting + ": prefix out of range: " + text);
            }
            return new AddressBlock(address, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException(setting + ": not an address or CIDR block: " + text, e);
        }
    }

    public boolean contains(InetAddress candidate) {
        return contains(candidate.getAddress());
    }

    public boolean contains(byte[] candidate) {
        if (candidate.length != address.length) {
            return false;
        }
        int shift = address.length * 8 - bits;
        return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, address).shiftRight(shift));
    }
}
