package org.openebr.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path or query parameter the runtime could not convert to the resource method's type (a
 * version that is not a number, an id that is not a UUID). JAX-RS answers those with a bare 404
 * whose message names the parameter the runtime's way ({@code @QueryParam("page")}); this reads the
 * name from it so that the problem can say which parameter is wrong.
 *
 * @param source {@code path} or {@code query} (or header, matrix, cookie, form)
 */
record UnconvertibleParameter(String source, String name) {

    private static final Pattern PARAMETER = Pattern.compile("(Path|Query|Header|Matrix|Cookie|Form)Param\\(\"([^\"]{1,100})\"\\)");

    static Optional<UnconvertibleParameter> of(Throwable notFound) {
        if (notFound.getCause() == null || notFound.getMessage() == null) {
            return Optional.empty();
        }
        Matcher matcher = PARAMETER.matcher(notFound.getMessage());
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new UnconvertibleParameter(matcher.group(1).toLowerCase(java.util.Locale.ROOT),
                RequestTextGuard.printable(matcher.group(2))));
    }

    /** A path that does not convert names no resource (404); any other parameter is bad input (400). */
    boolean inPath() {
        return source.equals("path");
    }

    String detail() {
        return (inPath() ? "Path" : Character.toUpperCase(source.charAt(0)) + source.substring(1)) + " parameter '" + name
                + "' has a value of the wrong kind (e.g. text where a number or an id is expected); see the API document"
                + " at /openapi.";
    }
}
