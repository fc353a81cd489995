package org.openebr.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B as the API uses it: a field the resource does not know is an error, not silently
 * dropped (a misspelt "reasonForChange" must never be lost without a word).
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    /** Yasson's switch for refusing unknown properties (not part of the JSON-B standard). */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private final Jsonb jsonb = create();

    public static Jsonb create() {
        return JsonbBuilder.create(new JsonbConfig()
                .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true)
                .withNullValues(false));
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
