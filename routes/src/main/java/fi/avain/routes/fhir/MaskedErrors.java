package fi.avain.routes.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import fi.avain.routes.messages.PersonalDataMasker;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HAPI's parse errors quote the value they could not read, which may be an identity code; every error
 * leaves (and is logged) with such codes masked. A parameter HAPI could not read is the client's 400;
 * an unexpected failure says only that it failed.
 */
class MaskedErrors {
    private static final Logger log = LoggerFactory.getLogger(MaskedErrors.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException mask(HttpServletRequest request, Throwable failure) {
        if (failure instanceof BaseServerResponseException known) {
            String message = known.getMessage() == null ? "" : known.getMessage();
            String masked = PersonalDataMasker.mask(message);
            if (masked.equals(message)) {
                return known;
            }
            return BaseServerResponseException.newInstance(known.getStatusCode(), masked);
        }
        if (failure instanceof DataFormatException badValue) {
            // A search parameter HAPI binds itself (an AuditEvent's date) could not be read: the
            // client's mistake, not the server's.
            String message = badValue.getMessage() == null ? "A parameter is not in its FHIR format."
                    : PersonalDataMasker.mask(badValue.getMessage());
            return new InvalidRequestException(message);
        }
        log.error("FHIR request {} {} failed", request.getMethod(), request.getRequestURI(), failure);
        return new InternalErrorException("The request could not be served; the error is in Avain's log.");
    }
}
