package org.openebr.batch.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import org.openebr.recipe.boundary.ScaledFormula;

/** The scaled formula of a control recipe as it is kept in the batch (JSON). */
public final class BatchJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    private BatchJson() {
    }

    public static String write(ScaledFormula scaled) {
        return JSONB.toJson(scaled);
    }

    public static ScaledFormula readScaled(String json) {
        return JSONB.fromJson(json, ScaledFormula.class);
    }
}
