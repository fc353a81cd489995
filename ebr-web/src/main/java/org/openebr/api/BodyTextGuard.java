package org.openebr.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A NUL character in a body the strict JSON reader does not see (one a resource takes as text or
 * bytes, {@code \u0000} in a JSON string) is refused with a 400 problem; {@link StrictJsonReader}
 * refuses it in the bodies it reads, naming the property. Runs after {@link RequestBodyLimit} (a higher
 * priority value), so the body it reads whole is already bounded.
 */
@Provider
@Priority(Priorities.USER + 100)
public class BodyTextGuard implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (StrictJsonReader.reads(context.getType())) {
            return context.proceed();
        }
        InputStream in = context.getInputStream();
        byte[] body = in.readAllBytes();
        if (body.length == 0) {
            return context.proceed(); // the reader's own answer to an empty body stands
        }
        if (NulCharacters.inJson(body)) {
            throw RequestTextGuard.refused("The request body contains a NUL character (\\u0000 in a JSON string),"
                    + " which no value the API takes contains.");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
