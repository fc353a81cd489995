package org.openebr.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * An Accept header the endpoint cannot satisfy is disregarded (RFC 9110 section 12.5.1 allows it):
 * the endpoint answers in its own format. JAX-RS would instead answer 406 while matching the
 * resource method, before any role check, so a forbidden call with {@code Accept: text/html} was
 * never refused nor recorded as a security event. Before matching the caller's Accept is put aside;
 * once the method is known (and the caller's roles checked, at an earlier priority), it is put back
 * when the method can produce one of the types asked for.
 */
public final class LenientAccept {

    static final String CALLERS_ACCEPT = LenientAccept.class.getName() + ".accept";

    private LenientAccept() {
    }

    /** Before matching: remember the caller's Accept and let matching accept any type. */
    @Provider
    @PreMatching
    public static class PutAside implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
            if (accept != null && !accept.isEmpty()) {
                request.setProperty(CALLERS_ACCEPT, List.copyOf(accept));
                request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.WILDCARD);
            }
        }
    }

    /** After matching: the caller's Accept back when the method can honour it. */
    @Provider
    @Priority(Priorities.USER)
    public static class PutBack implements ContainerRequestFilter {

        @Context
        ResourceInfo resource;

        @Override
        public void filter(ContainerRequestContext request) {
            @SuppressWarnings("unchecked")
            List<String> accept = (List<String>) request.getProperty(CALLERS_ACCEPT);
            if (accept == null || resource == null || resource.getResourceMethod() == null) {
                return;
            }
            if (satisfiable(accepted(accept), produced(resource.getResourceMethod(), resource.getResourceClass()))) {
                request.getHeaders().put(HttpHeaders.ACCEPT, accept);
            }
        }
    }

    static boolean satisfiable(List<MediaType> accepted, List<MediaType> produced) {
        for (MediaType wanted : accepted) {
            for (MediaType offered : produced) {
                if (wanted.isCompatible(offered)) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<MediaType> produced(Method method, Class<?> type) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null && type != null) {
            produces = type.getAnnotation(Produces.class);
        }
        if (produces == null) {
            return List.of(MediaType.WILDCARD_TYPE);
        }
        List<MediaType> types = new ArrayList<>();
        for (String value : produces.value()) {
            types.addAll(accepted(List.of(value)));
        }
        return types;
    }

    /** The media types of Accept header values; unreadable entries and those with q=0 left out. */
    static List<MediaType> accepted(List<String> headers) {
        List<MediaType> types = new ArrayList<>();
        for (String header : headers) {
            for (String one : header.split(",")) {
                try {
                    MediaType type = MediaType.valueOf(one.strip());
                    if (quality(type) > 0) {
                        types.add(type);
                    }
                } catch (IllegalArgumentException notAMediaType) {
                    // one unreadable entry does not spoil the others
                }
            }
        }
        return types;
    }

    private static double quality(MediaType type) {
        try {
            return Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }
}
