package org.openebr.it.probe;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.openebr.recipe.control.RecipeTimer;

/**
 * Test-only: runs the recipe effective-date timer's work as of a given moment, so that a test
 * neither sleeps until a date comes nor depends on when the schedule fires.
 */
@Path("it-probe/recipe-timer")
public class RecipeTimerProbe {

    /** More than any test leaves due at once; a bound, so that a fault cannot loop for ever. */
    private static final int MAX_RUNS = 1000;

    @Inject
    RecipeTimer timer;

    /** As many timer runs as it takes until nothing is due at {@code at}; how many versions moved. */
    @POST
    public String fire(@QueryParam("at") String at) {
        Instant moment;
        try {
            moment = Instant.parse(at);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadRequestException("'at' must be an instant, e.g. 2026-12-03T10:00:00Z");
        }
        int moved = 0;
        for (int run = 0; run < MAX_RUNS && timer.activateDue(moment) > 0; run++) {
            moved++;
        }
        return String.valueOf(moved);
    }
}
