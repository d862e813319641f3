package io.rapport;

import io.rapport.common.DeskClock;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Rapport: a support desk that counts problems solved, confirmed by the customer. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RapportApplication {

    public static void main(String[] args) {
        SpringApplication.run(RapportApplication.class, args);
    }

    /** One clock for every module; demo data replays history on it (see DeskClock). */
    @Bean
    DeskClock clock() {
        return new DeskClock(Clock.systemUTC());
    }
}
