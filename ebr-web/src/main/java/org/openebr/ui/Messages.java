package org.openebr.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Faces messages: what the user sees instead of an exception. */
public final class Messages {

    private Messages() {
    }

    public static void info(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detailOrNone(detail)));
    }

    public static void error(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detailOrNone(detail)));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** Without a detail, Faces repeats the summary as the detail: the message would show twice. */
    private static String detailOrNone(String detail) {
        return detail == null ? "" : detail;
    }
}
