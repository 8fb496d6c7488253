package fi.avain.budget;

import fi.avain.budget.Vouchers.VoucherKind;
import fi.avain.budget.Vouchers.VoucherRequest;
import java.util.Set;
import java.util.TreeSet;

/** What a voucher request asks of its line, checked: its value, its service classes, its provider. */
record VoucherTerms(long valueCents, Set<String> serviceClasses, String providerBusinessId) {

    /** The request's terms on this line; {@link InvalidRequestException} naming the field it breaks. */
    static VoucherTerms of(VoucherRequest r, LineState line) {
        if (r.kind() == null) {
            throw new InvalidRequestException("kind is required: SINGLE or MULTI");
        }
        long value = value(r);
        Set<String> classes = serviceClasses(r.serviceClasses(), line);
        if (r.validFrom() == null || r.validUntil() == null) {
            throw new InvalidRequestException("validFrom and validUntil are required");
        }
        if (r.validFrom().isAfter(r.validUntil())) {
            throw new InvalidRequestException("validFrom must not be after validUntil");
        }
        if (!line.period().contains(r.validFrom()) || !line.period().contains(r.validUntil())) {
            throw new InvalidRequestException("validFrom and validUntil must lie within line " + line.code()
                    + "'s period " + line.period().start() + " – " + line.period().end());
        }
        String provider = r.providerBusinessId() == null ? null : ServiceRules.businessId(r.providerBusinessId())
                .orElseThrow(() -> new InvalidRequestException(
                        "providerBusinessId must be a business id (Y-tunnus) with a valid check digit"));
        return new VoucherTerms(value, classes, provider);
    }

    /** What the request asks for, or -1 when it cannot say: to tell a repeat from another request. */
    static long requestedValue(VoucherRequest r) {
        if (r.kind() != VoucherKind.SINGLE) {
            return r.balanceCents();
        }
        try {
            return Math.multiplyExact(r.unitValueCents(), r.quantity());
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private static long value(VoucherRequest r) {
        if (r.kind() == VoucherKind.SINGLE) {
            if (r.unitValueCents() <= 0) {
                throw new InvalidRequestException("unitValue must be positive for a single-use voucher");
            }
            if (r.quantity() < 1) {
                throw new InvalidRequestException("quantity must be at least 1 for a single-use voucher");
            }
            long value = requestedValue(r);
            if (value < 0) {
                throw new InvalidRequestException("unitValue × quantity is too large");
            }
            return value;
        }
        if (r.balanceCents() <= 0) {
            throw new InvalidRequestException("balance must be positive for a multi-use voucher");
        }
        if (r.unitValueCents() < 0 || r.quantity() < 0) {
            throw new InvalidRequestException("unitValue and quantity must not be negative");
        }
        return r.balanceCents();
    }

    /** The line's classes the request names, in the line's own form; none named: all the line's. */
    private static Set<String> serviceClasses(Set<String> requested, LineState line) {
        if (line.serviceClasses().isEmpty()) {
            throw new InvalidRequestException("serviceClasses: line " + line.code() + " allows no service classes");
        }
        if (requested == null || requested.isEmpty()) {
            return line.serviceClasses();
        }
        Set<String> classes = new TreeSet<>();
        for (String wanted : requested) {
            classes.add(ServiceRules.serviceClass(line.serviceClasses(), wanted).orElseThrow(() ->
                    new InvalidRequestException("serviceClasses: line " + line.code()
                            + " does not allow service class " + wanted)));
        }
        return classes;
    }
}
