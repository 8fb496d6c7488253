package fi.avain.routes.audit;

import fi.avain.routes.messages.RetainedOnItsOwn;
import fi.avain.routes.security.PortalSettings;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/** The retention job deletes audit events older than {@code avain.portal.audit-retention}. */
@Component
class AuditRetention implements RetainedOnItsOwn {
    private final PortalAudit audit;
    private final PortalSettings settings;

    AuditRetention(PortalAudit audit, PortalSettings settings) {
        this.audit = audit;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "auditEvents";
    }

    @Override
    public int prune(Instant now) {
        return audit.pruneBefore(now.atOffset(ZoneOffset.UTC).minus(settings.auditRetention()).toInstant());
    }
}
