package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The launcher gives a job the parallel collector unless the JVM options name one: Java refuses to
 * start with two. It also gives a job smaller inlining limits, which the operator's options
 * override. It runs a copy of the jar, so that a build while a sandbox runs cannot rewrite the sandbox's
 * classes under it. An unknown job is the quickest way to see that the JVM started and the job runner
 * answered.
 */
class LauncherIT {
    static List<Map<String, String>> environments() {
        return List.of(
                Map.of(),
                Map.of("AVAIN_JAVA_OPTS", "-Xmx128m"),
                Map.of("AVAIN_JAVA_OPTS", "-Xmx128m -XX:+UseSerialGC"),
                Map.of("AVAIN_JAVA_OPTS", "-Xmx128m\t-XX:+UseG1GC"),
                Map.of("JDK_JAVA_OPTIONS", "-XX:+UseG1GC"),
                Map.of("JAVA_TOOL_OPTIONS", "-Dx=1 -XX:+UseSerialGC"),
                Map.of("AVAIN_JAVA_OPTS", "-XX:FreqInlineSize=325 -XX:MaxInlineLevel=15"));
    }

    @ParameterizedTest
    @MethodSource("environments")
    void aJobStartsWhateverCollectorTheOptionsName(Map<String, String> environment) throws Exception {
        Path output = runUnknownJob(environment);
        assertThat(read(output.resolve("stdout"))).contains("\"job\":\"no-such-job\"", "\"status\":\"failed\"");
    }

    @Test
    void aJobGetsSmallerInliningLimitsUnlessTheOptionsSayOtherwise() throws Exception {
        String defaults = read(runUnknownJob(Map.of("AVAIN_JAVA_OPTS", "-XX:+PrintFlagsFinal")).resolve("stdout"));
        assertThat(flag(defaults, "FreqInlineSize")).isEqualTo("100");
        assertThat(flag(defaults, "InlineSmallCode")).isEqualTo("800");
        assertThat(flag(defaults, "MaxInlineLevel")).isEqualTo("9");

        String overridden = read(runUnknownJob(Map.of("AVAIN_JAVA_OPTS", "-XX:+PrintFlagsFinal -XX:FreqInlineSize=325"))
                .resolve("stdout"));
        assertThat(flag(overridden, "FreqInlineSize")).isEqualTo("325");
        assertThat(flag(overridden, "MaxInlineLevel")).isEqualTo("9");
    }

    @Test
    void aJobRunsFromACopyOfTheJarThatTheNextBuildCannotRewrite() throws Exception {
        Path root = AvainJar.repositoryRoot();
        Path launch = root.resolve("routes/target/launch");
        Path unused = launch.resolve("1-1/avain.jar");
        Path open = launch.resolve("2-2/avain.jar");
        Path recent = launch.resolve("3-3/avain.jar");
        for (Path old : List.of(unused, open, recent)) {
            Files.createDirectories(old.getParent());
            Files.writeString(old, "an older build");
            if (old != recent) {
                Files.setLastModifiedTime(old.getParent(), FileTime.from(Instant.now().minusSeconds(120)));
            }
        }
        try (FileChannel running = FileChannel.open(open, StandardOpenOption.READ)) {
            String stderr = read(runUnknownJob(Map.of("AVAIN_JAVA_OPTS", "-XshowSettings:properties")).resolve("stderr"));

            Matcher classPath = Pattern.compile("java\\.class\\.path = (\\S+)").matcher(stderr);
            assertThat(classPath.find()).as(stderr).isTrue();
            Path copy = root.resolve(classPath.group(1));
            assertThat(copy.getParent().getParent()).isEqualTo(launch);
            assertThat(Files.size(copy)).isEqualTo(Files.size(root.resolve("routes/target/avain.jar")));
            assertThat(unused.getParent()).as("a copy no process has open goes").doesNotExist();
            assertThat(open).as("a copy a process still runs from stays").exists();
            assertThat(recent).as("a copy made in the last minute, which a launcher may be about to run, stays")
                    .exists();
        } finally {
            for (Path kept : List.of(open, recent)) {
                Files.deleteIfExists(kept);
                Files.deleteIfExists(kept.getParent());
            }
        }
    }

    static List<String> sources() {
        return List.of("budget/src/main/resources/db/migration/V999__next.sql", "budget/src/main/java/Ledger.java",
                "connectors/src/main/resources/wsdl/vouchers.wsdl", "connectors/src/main/resources/wsdl/x.xjb",
                "mappings/pom.xml", "routes/src/main/java/Main.java", "pom.xml");
    }

    /**
     * In a scratch tree, with a {@code mvn} that only notes it was asked: a source of any module the jar
     * is built from, newer than the jar, makes the launcher build; a newer file elsewhere does not.
     */
    @ParameterizedTest
    @MethodSource("sources")
    void buildsAgainWhenAnySourceOfTheJarIsNewer(String source) throws Exception {
        Path tree = Files.createTempDirectory(AvainJar.repositoryRoot().resolve("integration-tests/target"), "stale-");
        Files.copy(AvainJar.repositoryRoot().resolve("avain"), tree.resolve("avain"));
        Path bin = Files.createDirectories(tree.resolve("bin"));
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\ntouch \"$(dirname \"$0\")/built\"\nexit 1\n");
        bin.resolve("mvn").toFile().setExecutable(true);
        Instant built = Instant.now().minusSeconds(60);
        for (String file : sources()) {
            Path path = tree.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "");
            Files.setLastModifiedTime(path, FileTime.from(built.minusSeconds(60)));
        }
        Path jar = Files.createDirectories(tree.resolve("routes/target")).resolve("avain.jar");
        Files.writeString(jar, "not a jar");
        Files.setLastModifiedTime(jar, FileTime.from(built));
        for (String elsewhere : List.of("docs/x.md", "budget/target/classes/V999__next.sql", "budget/src/test/X.java")) {
            Files.createDirectories(tree.resolve(elsewhere).getParent());
            Files.writeString(tree.resolve(elsewhere), "");
        }

        assertThat(launch(tree, bin)).as("nothing the jar is built from changed").isNotEqualTo(2);
        assertThat(bin.resolve("built")).doesNotExist();

        Files.setLastModifiedTime(tree.resolve(source), FileTime.from(Instant.now()));
        assertThat(launch(tree, bin)).as("the fake build fails").isEqualTo(2);
        assertThat(bin.resolve("built")).as(source + " is newer than the jar").exists();
    }

    private static int launch(Path tree, Path bin) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "avain", "job", "no-such-job").directory(tree.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PATH", bin + ":" + builder.environment().get("PATH"));
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        return process.exitValue();
    }

    private static String flag(String printedFlags, String name) {
        Matcher matcher = Pattern.compile("\\s" + name + "\\s+:?=\\s+(\\S+)").matcher(printedFlags);
        assertThat(matcher.find()).as(name + " among the printed flags").isTrue();
        return matcher.group(1);
    }

    /** Runs {@code ./avain job no-such-job}, which must end with exit code 2; answers its output folder. */
    private static Path runUnknownJob(Map<String, String> environment) throws Exception {
        Path root = AvainJar.repositoryRoot();
        Path output = Files.createTempDirectory(root.resolve("integration-tests/target"), "launcher-");
        ProcessBuilder builder = new ProcessBuilder("bash", "avain", "job", "no-such-job").directory(root.toFile())
                .redirectOutput(output.resolve("stdout").toFile())
                .redirectError(output.resolve("stderr").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AVAIN_") || name.equals("JDK_JAVA_OPTIONS")
                || name.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher ends").isTrue();

        String stderr = read(output.resolve("stderr"));
        assertThat(stderr).doesNotContain("Multiple garbage collectors");
        assertThat(process.exitValue()).as(stderr).isEqualTo(2);
        return output;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
