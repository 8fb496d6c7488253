package fi.avain.routes.voucher;

import fi.avain.mappings.model.BusinessId;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jakarta.xml.bind.annotation.XmlType;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the fields of a voucher request into the ledger's terms, refusing what the ledger must never
 * see: missing values, negative or sub-cent amounts, malformed business ids and dates.
 */
final class SoapFields {
    private static final BigDecimal MAX_EUROS = new BigDecimal("1000000000");
    // The lexical spaces of the schema's types (whitespace collapsed), which JAXB alone does not
    // enforce: it reads "yes" as a null xs:boolean, "1e2" as an xs:decimal and a dateTime as a date.
    private static final Pattern BOOLEAN = Pattern.compile("true|false|1|0");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DATE = Pattern.compile("-?\\d{4,}-\\d{2}-\\d{2}(Z|[+-]\\d{2}:\\d{2})?");

    private SoapFields() {
    }

    /** A request field is missing or wrong; the message names it. */
    static final class InvalidFieldException extends RuntimeException {
        InvalidFieldException(String message) {
            super(message);
        }
    }

    /**
     * Refuses a request element whose fields JAXB would read leniently: a field the operation does
     * not have, one given twice (JAXB keeps the last, the message store's keys the first), one with
     * elements inside, or a value outside its type's lexical space.
     */
    static void checkShape(Element request, Class<?> type) {
        XmlType xmlType = type.getAnnotation(XmlType.class);
        List<String> fields = xmlType == null ? List.of() : List.of(xmlType.propOrder());
        Set<String> seen = new HashSet<>();
        for (Node node = request.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            String name = node.getLocalName();
            if (node.getNamespaceURI() != null && !node.getNamespaceURI().isEmpty() || !fields.contains(name)) {
                throw new InvalidFieldException(request.getLocalName() + " has no field "
                        + (node.getNamespaceURI() == null || node.getNamespaceURI().isEmpty() ? name
                                : "{" + node.getNamespaceURI() + "}" + name));
            }
            if (!seen.add(name)) {
                throw new InvalidFieldException(name + " is repeated");
            }
            for (Node inner = node.getFirstChild(); inner != null; inner = inner.getNextSibling()) {
                if (inner.getNodeType() == Node.ELEMENT_NODE) {
                    throw new InvalidFieldException(name + " must be a value, not elements");
                }
            }
            checkLexical(name, node.getTextContent().strip(), javaType(type, name));
        }
    }

    private static void checkLexical(String field, String value, Class<?> javaType) {
        if (javaType == Boolean.class || javaType == boolean.class) {
            require(BOOLEAN, value, field, "true or false");
        } else if (javaType == BigDecimal.class) {
            require(DECIMAL, value, field, "a decimal number such as 12.50");
        } else if (javaType == BigInteger.class) {
            require(INTEGER, value, field, "a whole number");
        } else if (javaType == XMLGregorianCalendar.class) {
            require(DATE, value, field, "a date, yyyy-mm-dd");
        }
    }

    private static void require(Pattern pattern, String value, String field, String what) {
        if (!pattern.matcher(value).matches()) {
            throw new InvalidFieldException(field + " must be " + what);
        }
    }

    private static Class<?> javaType(Class<?> type, String field) {
        try {
            Field declared = type.getDeclaredField(field);
            return declared.getType();
        } catch (NoSuchFieldException e) {
            return String.class;
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
