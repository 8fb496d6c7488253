package fi.avain.routes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AvainApplication {
    public static void main(String[] args) {
        SpringApplication.run(AvainApplication.class, args);
    }
}
