package org.openebr.api;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body that cannot be read as the resource's input: malformed JSON, a value of the wrong type,
 * an unknown field. The JSON-B provider reports all of these as a {@link ProcessingException}.
 */
@Provider
public class UnreadableBodyMapper extends ProblemMapper<ProcessingException> {

    private static final int MAX_DETAIL = 300;
    private static final Pattern NESTED_PROPERTY = Pattern.compile("Unable to deserialize property '([^']*)' because of: ");
    private static final Pattern UNKNOWN_CONSTANT = Pattern.compile("(?:Internal error: )?No enum constant ([\\w.$]+)\\.(\\w+)");
    /** Words of the parser or binder that mean nothing to a caller: class names, token names, "Internal error". */
    private static final Pattern INTERNALS = Pattern.compile(
            "class |java\\.|jakarta\\.|org\\.|Internal error|token=|\\bEOF\\b|Incorrect position|Received event");

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
                return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                        tooLarge.getMessage() + ".", path()).toResponse();
            }
        }
        String reason = reason(exception);
        if (reason == null) {
            return serverError(exception);
        }
        return Problem.of(Response.Status.BAD_REQUEST, "unreadable-body",
                "The request body is not valid JSON for this resource: " + reason, path()).toResponse();
    }

    /**
     * What the JSON layer said: the outermost message names the property ("Unable to deserialize
     * property 'quantity' ..."), the innermost the position of a syntax error; both are kept.
     */
    static String reason(Throwable exception) {
        String outer = null;
        String inner = null;
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParsingException || cause instanceof JsonbException) {
                if (outer == null) {
                    outer = cause.getMessage();
                }
                inner = cause.getMessage();
            }
        }
        if (outer == null) {
            return null;
        }
        String reason = outer.contains(inner) ? outer : outer + " (" + inner + ")";
        reason = ReadableJson.plain(readable(reason.replaceAll("\\s+", " ").strip()));
        return reason.length() > MAX_DETAIL ? reason.substring(0, MAX_DETAIL) + "..." : reason;
    }

    /**
     * A deep document (a recipe) nests "Unable to deserialize property 'a' because of: Unable to ..."
     * until the real cause is cut off: the chain becomes one dotted path. An unknown enum value names
     * the values allowed instead of a class name.
     */
    static String readable(String reason) {
        Matcher nested = NESTED_PROPERTY.matcher(reason);
        StringBuilder path = new StringBuilder();
        int end = 0;
        while (nested.find() && nested.start() == end) {
            path.append(path.length() == 0 ? "" : ".").append(nested.group(1));
            end = nested.end();
        }
        String cause = reason.substring(end);
        Matcher constant = UNKNOWN_CONSTANT.matcher(cause);
        if (constant.find()) {
            cause = "'" + constant.group(2) + "' is not one of " + allowed(constant.group(1));
        } else if (INTERNALS.matcher(cause).find()) {
            // StrictJsonReader words nearly every refusal itself; what still reaches JSON-B is told plainly
            cause = path.length() == 0 ? "it does not have the form this resource takes; see the API document"
                    : "the value is not of the type this property takes";
        }
        return path.length() == 0 ? cause : "property '" + path + "': " + cause;
    }

    private static String allowed(String enumClass) {
        try {
            Object[] constants = Class.forName(enumClass, false, UnreadableBodyMapper.class.getClassLoader()).getEnumConstants();
            return constants == null ? "the allowed values" : java.util.Arrays.toString(constants);
        } catch (ClassNotFoundException | LinkageError unknown) {
            return "the allowed values";
        }
    }
}
