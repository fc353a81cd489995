package org.openebr.it.probe;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.lang.reflect.InvocationTargetException;

/**
 * Test-only: the view behind app/it-ui-standard.xhtml, a long page with every part of the UI standard
 * (composites, messages from buttons at the top and the bottom, a converter, a guarded form), so the
 * standard is tested apart from any real screen. The web module is a war the tests do not compile
 * against, so its classes (Messages, Worklist, WorkItem) are reached by name.
 */
@Named("uiStandardProbe")
@ViewScoped
public class UiStandardProbe implements Serializable {

    private static final long serialVersionUID = 1L;

    private BigDecimal quantity;
    private String note;
    private int saves;

    public Object tasks() {
        return create("org.openebr.ui.Worklist", "probe-tasks", "Probe tasks", "pi pi-check-square", 3L,
                List.of(create("org.openebr.ui.WorkItem", "Granulate 2 (version 3)", "submitted by author1", "IN_REVIEW",
                                "In review", "app/home.xhtml"),
                        create("org.openebr.ui.WorkItem", "Blend 1 (version 1)", null, "EFFECTIVE", "Effective",
                                "app/home.xhtml")),
                "All probe tasks", "app/home.xhtml", "Nothing to do.");
    }

    public Object nothing() {
        return create("org.openebr.ui.Worklist", "probe-empty", "Empty probe", null, 0L, List.of(), null, null,
                "Nothing waits for you.");
    }

    public void top() {
        message("info", "Top action done.", null);
    }

    public void bottom() {
        message("error", "Bottom action refused.", "Nothing was saved.");
    }

    public void plain() {
        message("info", "Plain submit done.", null);
    }

    public void save() {
        saves++;
        message("info", "Saved " + saves + ".", null);
    }

    public void discard() {
        message("info", "Discarded.", null);
    }

    public void sign() {
        message("info", "Signed.", null);
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    private static void message(String severity, String summary, String detail) {
        try {
            Class.forName("org.openebr.ui.Messages").getMethod(severity, String.class, String.class)
                    .invoke(null, summary, detail);
        } catch (InvocationTargetException failed) {
            throw new IllegalStateException(failed.getCause());
        } catch (ReflectiveOperationException missing) {
            throw new IllegalStateException(missing);
        }
    }

    /** A record of the web module through its canonical (only) constructor. */
    private static Object create(String record, Object... components) {
        try {
            return Class.forName(record).getDeclaredConstructors()[0].newInstance(components);
        } catch (InvocationTargetException failed) {
            throw new IllegalStateException(failed.getCause());
        } catch (ReflectiveOperationException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
