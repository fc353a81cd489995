package org.openebr.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The only source of time for GMP records is the server's clock, in UTC (never a client's clock,
 * never the JVM's default zone). Components inject {@link Clock}; tests pass a fixed one.
 */
@ApplicationScoped
public class ServerClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
