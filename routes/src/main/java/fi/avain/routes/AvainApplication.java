package fi.avain.routes;

import fi.avain.routes.jobs.JobCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Avain's entry point: with no command it runs the server (the sandbox unless the prod profile is
 * active); {@code job <name>} runs one job and exits; {@code --help} lists both.
 */
@SpringBootApplication(scanBasePackages = {"fi.avain.routes", "fi.avain.connectors"})
@ConfigurationPropertiesScan(basePackages = {"fi.avain.routes", "fi.avain.connectors"})
@EnableScheduling
public class AvainApplication {

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            System.out.print(Help.TEXT);
            return;
        }
        if (args.length > 0 && args[0].equals("job")) {
            System.exit(JobCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(AvainApplication.class, args);
    }
}
