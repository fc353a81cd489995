package org.openebr.api;

import jakarta.ws.rs.core.Response;
import org.openebr.report.boundary.BatchReports;

/** A generated document as an HTTP attachment: its file name, its content type and its SHA-256. */
public final class Attachments {

    private Attachments() {
    }

    public static Response of(BatchReports.Document document) {
        return Response.ok(document.content(), document.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"")
                .header("X-Content-SHA256", document.sha256())
                .build();
    }
}
