package org.openebr.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.openebr.audit.boundary.ChangeReasons;

/** The configured reasons for change, offered as suggestions on every reason field (free text stays possible). */
@Named("reasons")
@RequestScoped
public class ReasonsView {

    @Inject
    ChangeReasons reasons;

    public List<String> getConfigured() {
        return reasons.configured();
    }
}
