package io.rapport.common;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for every module, here in the shared kernel so that a module bootstrapped on its own has it too. */
@Configuration(proxyBeanMethods = false)
public class Clocks {

    /** Demo data replays history on it (see DeskClock). */
    @Bean
    DeskClock clock() {
        return new DeskClock(Clock.systemUTC());
    }
}
