package fi.avain.budget;

import fi.avain.budget.Vouchers.ServiceEvent;
import fi.avain.budget.Vouchers.VoucherKind;
import fi.avain.budget.Vouchers.VoucherRequest;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A budget with voucher lines, and builders of voucher requests and service events for it. */
final class VoucherRequests {
    static final String HOME_CARE = "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P6.10";
    static final String MEALS = "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P6.11";
    static final String THERAPY = "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.1";
    static final String PROVIDER = "1234567-1";
    static final String OTHER_PROVIDER = "2345678-0";
    static final LocalDate FROM = LocalDate.parse("2026-11-01");
    static final LocalDate UNTIL = LocalDate.parse("2026-12-31");
    static final LocalDate SERVICE_DAY = LocalDate.parse("2026-11-20");

    /**
     * care: vouchers and declarations, the client's share not charged; therapy: the share charged to the
     * line; shop: card only; spring: vouchers, but its period ended in June.
     */
    static final String PLAN = """
            {"planId": "%s", "tenant": "t1", "client": {"identityCode": "010190-123M"}, "clientGroup": "elderly",
             "cohort": "hb", "period": {"start": "2026-01-01", "end": "2026-12-31"},
             "lines": [
               {"code": "care", "category": "Kotihoito", "allocated": "1000.00", "channels": ["voucher", "declaration"],
                "serviceClasses": ["%s", "%s"]},
               {"code": "therapy", "category": "Terapia", "allocated": "500.00", "channels": ["voucher", "declaration"],
                "serviceClasses": ["%s"], "clientShareCharged": true},
               {"code": "shop", "category": "Ostokset", "allocated": "100.00", "channels": ["card"],
                "merchantCategoryCodes": ["5411"]},
               {"code": "spring", "category": "Kevät", "allocated": "100.00", "channels": ["voucher"],
                "serviceClasses": ["%s"], "period": {"start": "2026-01-01", "end": "2026-06-30"}}
             ]}""";

    private VoucherRequests() {
    }

    static UUID budget(LedgerFixture f) {
        return f.plan(PLAN.formatted("vouchers-" + UUID.randomUUID(), HOME_CARE, MEALS, THERAPY, HOME_CARE))
                .budgetId();
    }

    /** A voucher request to change field by field; a single-use 50.00 × 2 on care unless told otherwise. */
    static final class Request {
        UUID budgetId;
        String line = "care";
        Set<String> classes = Set.of();
        VoucherKind kind = VoucherKind.SINGLE;
        long unit = 5000;
        int quantity = 2;
        long balance;
        LocalDate from = FROM;
        LocalDate until = UNTIL;
        String provider;
        String key = "request-" + UUID.randomUUID();

        Request(UUID budgetId) {
            this.budgetId = budgetId;
        }

        Request multi(String line, long balance) {
            this.line = line;
            this.kind = VoucherKind.MULTI;
            this.unit = 0;
            this.quantity = 0;
            this.balance = balance;
            return this;
        }

        VoucherRequest build() {
            return new VoucherRequest(budgetId, line, classes, kind, unit, quantity, balance, from, until, provider,
                    key);
        }
    }

    /** A service event to change field by field: 50.00 by {@link #PROVIDER}, home care, no client's share. */
    static final class Event {
        String voucherId;
        String eventId = "event-" + UUID.randomUUID();
        String provider = PROVIDER;
        LocalDate day = SERVICE_DAY;
        String serviceClass = HOME_CARE;
        int quantity = 1;
        long charged = 5000;
        long share;
        Long price;
        boolean approval;

        Event(String voucherId) {
            this.voucherId = voucherId;
        }

        Event charged(long cents) {
            this.charged = cents;
            return this;
        }

        ServiceEvent build() {
            return new ServiceEvent(voucherId, eventId, provider, day, serviceClass, quantity,
                    price == null ? charged + share : price, charged, share, approval, "home visit");
        }
    }
}
