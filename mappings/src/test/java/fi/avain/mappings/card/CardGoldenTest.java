package fi.avain.mappings.card;

import fi.avain.mappings.GoldenFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Webhook bodies and clearing files in, the canonical records out (docs/formats/card-*.md). */
class CardGoldenTest {

    static Stream<Path> generic() {
        return GoldenFiles.inputs("card/generic");
    }

    static Stream<Path> stripe() {
        return GoldenFiles.inputs("card/stripe");
    }

    static Stream<Path> stripeTransactions() {
        return GoldenFiles.inputs("card/stripe-transaction");
    }

    static Stream<Path> clearingFiles() {
        return GoldenFiles.inputs("card/clearing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generic")
    void readsAGenericAuthorization(Path input) {
        GoldenFiles.checkFile(input, file -> CardJson.request(CardAuthorizations.fromGeneric(bytes(file))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stripe")
    void readsAStripeAuthorizationRequest(Path input) {
        GoldenFiles.checkFile(input, file -> CardJson.request(CardAuthorizations.fromStripeEvent(bytes(file))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stripeTransactions")
    void readsAStripeTransactionAsAClearingRecord(Path input) {
        GoldenFiles.checkFile(input, file -> CardJson.record(ClearingFiles.fromStripeTransaction(bytes(file))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clearingFiles")
    void readsEveryLineOfAClearingFile(Path input) {
        GoldenFiles.checkFile(input, file -> {
            List<ClearingLine> lines = new ArrayList<>();
            ClearingFiles.read(file, lines::add);
            return CardJson.lines(lines);
        });
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
