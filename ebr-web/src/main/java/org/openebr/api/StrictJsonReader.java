package org.openebr.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;
import org.openebr.api.json.JsonShape;
import org.openebr.api.json.StrictJson;

/**
 * The one reader of JSON request bodies: strict UTF-8, exactly one document without duplicate keys
 * ({@link StrictJson}), every value of its declared type ({@link JsonShape}), and only then JSON-B,
 * configured as {@link JsonbConfiguration} says. As an application provider it is chosen before the
 * server's own JSON-B reader for the same media types.
 *
 * <p>A {@code charset} parameter is not honoured: RFC 8259 section 11 defines none for
 * application/json and JSON on a network is UTF-8, so a body is decoded as UTF-8 whatever its label.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class StrictJsonReader implements MessageBodyReader<Object> {

    /** Bodies some other reader takes as they are, without JSON. */
    private static final Set<Class<?>> UNPARSED = Set.of(String.class, byte[].class, char[].class, InputStream.class,
            Reader.class, File.class);

    private final Jsonb jsonb = JsonbConfiguration.create();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return reads(type);
    }

    /** True if a JSON body of this type goes through this reader's checks (false for text and bytes taken as they are). */
    static boolean reads(Class<?> type) {
        return !UNPARSED.contains(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readNBytes((int) RequestBodyLimit.MAX_BYTES + 1);
        if (body.length > RequestBodyLimit.MAX_BYTES) {
            // RequestBodyLimit stops such a body while it is read; this holds should it be configured away
            throw new ClientErrorException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        return read(body, genericType);
    }

    /** Reads a body already in memory: the checks of {@link #readFrom} without JAX-RS around them. */
    public Object read(byte[] body, Type type) {
        StrictJson.Document document = StrictJson.read(body);
        JsonShape.check(document.value(), type);
        if (type instanceof Class<?> plain && JsonValue.class.isAssignableFrom(plain)) {
            return document.value();
        }
        try {
            return jsonb.fromJson(document.text(), type);
        } catch (JsonbException stillRefused) {
            // not expected once the shape is checked; answered as JSON-B's own refusals always were
            throw new ProcessingException("JSON-B refused a body of the checked shape", stillRefused);
        }
    }
}
