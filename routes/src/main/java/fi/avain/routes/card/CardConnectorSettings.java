package fi.avain.routes.card;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The card processor's side ({@code avain.connectors.card.*}): webhook secrets (several at once, so a
 * secret can be rotated without a gap), where clearing files arrive, and the Stripe API version answered.
 */
@Validated
@ConfigurationProperties("avain.connectors.card")
public record CardConnectorSettings(
        @DefaultValue Secrets secrets,
        Path clearingDir,
        @DefaultValue("2025-10-29.clover") String stripeVersion,
        @DefaultValue("300s") Duration signatureTolerance) {

    public record Secrets(List<String> generic, List<String> stripe) {
        public Secrets {
            generic = clean(generic);
            stripe = clean(stripe);
        }

        private static List<String> clean(List<String> secrets) {
            return secrets == null ? List.of()
                    : secrets.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        }
    }
}
