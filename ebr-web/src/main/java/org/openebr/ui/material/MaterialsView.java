package org.openebr.ui.material;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openebr.material.boundary.MaterialFacts;
import org.openebr.material.boundary.MaterialMaster;
import org.openebr.ui.Commands;

/** The material master as a table: what each material is, how it is kept and for how long. */
@Named("materialList")
@ViewScoped
public class MaterialsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MaterialMaster master;

    @Inject
    Commands commands;

    private List<MaterialFacts> all = List.of();

    @PostConstruct
    void load() {
        commands.attempt("list materials (materials screen)")
                .notAllowed("Your roles do not allow reading the material master.")
                .run(() -> all = master.list());
    }

    public List<MaterialFacts> getAll() {
        return all;
    }

    /** Shelf life and retest period in words, e.g. "retest 24 months". */
    public String keeping(MaterialFacts m) {
        if (m.shelfLifeMonths() == null && m.retestMonths() == null) {
            return "none set";
        }
        return (m.shelfLifeMonths() == null ? "" : "shelf life " + m.shelfLifeMonths() + " months")
                + (m.shelfLifeMonths() != null && m.retestMonths() != null ? ", " : "")
                + (m.retestMonths() == null ? "" : "retest " + m.retestMonths() + " months");
    }
}
