package fi.avain.routes.voucher;

import fi.avain.mappings.model.BusinessId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Reads the fields of a voucher request into the ledger's terms, refusing what the ledger must never
 * see: missing values, negative or sub-cent amounts, malformed business ids and dates.
 */
final class SoapFields {
    private static final BigDecimal MAX_EUROS = new BigDecimal("1000000000");

    private SoapFields() {
    }

    /** A request field is missing or wrong; the message names it. */
    static final class InvalidFieldException extends RuntimeException {
        InvalidFieldException(String message) {
            super(message);
        }
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field + " is missing");
        }
        if (value.length() > 200) {
            throw new InvalidFieldException(field + " is longer than 200 characters");
        }
        return value.strip();
    }

    static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidFieldException(field + " is longer than " + max + " characters");
        }
        return value.strip();
    }

    static long cents(BigDecimal euros, String field) {
        if (euros == null) {
            throw new InvalidFieldException(field + " is missing");
        }
        if (euros.signum() < 0) {
            throw new InvalidFieldException(field + " must not be negative, was " + euros.toPlainString());
        }
        if (euros.stripTrailingZeros().scale() > 2) {
            throw new InvalidFieldException(field + " has more than two decimals: " + euros.toPlainString());
        }
        if (euros.compareTo(MAX_EUROS) >= 0) {
            throw new InvalidFieldException(field + " is too large: " + euros.toPlainString());
        }
        return euros.movePointRight(2).longValueExact();
    }

    static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    static int quantity(BigInteger value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field + " is missing");
        }
        if (value.signum() <= 0 || value.compareTo(BigInteger.valueOf(100_000)) > 0) {
            throw new InvalidFieldException(field + " must be between 1 and 100000, was " + value);
        }
        return value.intValueExact();
    }

    static String businessId(String value, String field) {
        String text = text(value, field);
        try {
            return BusinessId.parse(text).value();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field + " is not a valid business id (Y-tunnus)");
        }
    }

    static LocalDate date(XMLGregorianCalendar value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field + " is missing");
        }
        if (value.getYear() == DatatypeConstants.FIELD_UNDEFINED || value.getMonth() == DatatypeConstants.FIELD_UNDEFINED
                || value.getDay() == DatatypeConstants.FIELD_UNDEFINED) {
            throw new InvalidFieldException(field + " must be a date, yyyy-mm-dd");
        }
        try {
            return LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
        } catch (RuntimeException e) {
            throw new InvalidFieldException(field + " is not a valid date");
        }
    }

    static XMLGregorianCalendar xmlDate(LocalDate date) {
        return DatatypeFactory.newDefaultInstance().newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(),
                date.getDayOfMonth(), DatatypeConstants.FIELD_UNDEFINED);
    }

    static LocalDate optionalDate(XMLGregorianCalendar value, String field, LocalDate fallback) {
        return value == null ? fallback : date(value, field);
    }
}
