package fi.avain.routes.security;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stands in for the FHIR server under /fhir in these tests: notes who called, answers their role. */
@RestController
class FhirProbe {
    final AtomicReference<Caller> lastCaller = new AtomicReference<>();

    @GetMapping(path = "/fhir/metadata", produces = "application/fhir+json")
    Map<String, Object> metadata() {
        lastCaller.set(PortalCallers.find().orElse(null));
        return Map.of("resourceType", "CapabilityStatement");
    }

    @GetMapping(path = "/fhir/Patient/{id}", produces = "application/fhir+json")
    Map<String, Object> patient() {
        Caller caller = PortalCallers.current();
        lastCaller.set(caller);
        return Map.of("role", caller.role(), "actor", caller.actor());
    }
}
