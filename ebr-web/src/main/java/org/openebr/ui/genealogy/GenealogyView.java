package org.openebr.ui.genealogy;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.openebr.genealogy.boundary.Genealogy;
import org.openebr.genealogy.boundary.GenealogyTrace;
import org.openebr.genealogy.boundary.TraceDirection;
import org.openebr.labeling.boundary.ScanKind;
import org.openebr.labeling.boundary.ScanService;
import org.openebr.labeling.boundary.Scanned;
import org.openebr.material.boundary.Containers;
import org.openebr.material.boundary.LotFacts;
import org.openebr.material.boundary.Lots;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;
import org.primefaces.model.TreeNode;

/**
 * A lot's genealogy as a read-only tree, where from or where used. The lot comes from the address
 * (a lot page links here) or from the field, which takes what a scanner types: a lot's or a
 * container's label (a container stands for its lot) or an id.
 */
@Named("genealogyPage")
@ViewScoped
public class GenealogyView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Lots described with material and status; beyond, a lot shows its id only (the trace stays complete). */
    private static final int DESCRIBED_LOTS = 200;

    @Inject
    Genealogy genealogy;

    @Inject
    Lots lots;

    @Inject
    Containers containers;

    @Inject
    ScanService scans;

    @Inject
    Commands commands;

    private String lotId;
    private String direction = "backward";
    private String code;
    private GenealogyTrace trace;
    private TreeNode<TraceTree.Line> tree;

    private static final Map<String, String> LINK_WORDS = Map.of("RECEIVED_AS", "received as", "DISPENSED_INTO",
            "dispensed into", "SPLIT", "split into", "MERGED", "merged into", "CONSUMED_INTO", "consumed into");

    /** A link's kind in words ("merged into"), as the tree reads from the lot above to the line. */
    public String words(String link) {
        return LINK_WORDS.getOrDefault(link, link);
    }

    /** "1 link", "3 links". */
    public String getLinkCount() {
        int links = trace == null ? 0 : trace.links().size();
        return links + (links == 1 ? " link" : " links");
    }

    /** Whether the tree shows where the lot went (forward) rather than what it was made from. */
    public boolean isForward() {
        return trace != null && trace.direction() == TraceDirection.FORWARD;
    }

    /** The view action, after the address is read. */
    public void load() {
        if (lotId != null && !lotId.isBlank()) {
            code = lotId;
            show();
        }
    }

    /** Traces the lot the field names (scanned or typed). */
    public void trace() {
        if (code == null || code.isBlank()) {
            Messages.error("Scan or type a lot id or a container's label.", "lot-code");
            return;
        }
        Scanned scanned = commands.attempt("find a lot for its genealogy (genealogy screen)")
                .notAllowed("Your roles do not allow reading lots.")
                .call(() -> scans.resolve(code));
        if (scanned == null) {
            return;
        }
        if (scanned.kind() == ScanKind.EQUIPMENT) {
            Messages.error(scanned.description() + " is an equipment unit, not a lot: scan a lot's or a container's label.",
                    "lot-code");
            return;
        }
        lotId = scanned.kind() == ScanKind.LOT ? scanned.id()
                : commands.attempt("find a container's lot (genealogy screen)")
                        .notAllowed("Your roles do not allow reading containers.")
                        .call(() -> containers.container(scanned.id()).lotId());
        show();
    }

    private void show() {
        if (lotId == null) {
            return;
        }
        TraceDirection way = TraceDirection.named(direction).orElse(TraceDirection.BACKWARD);
        trace = commands.attempt("trace lot " + lotId + " (genealogy screen)")
                .notAllowed("Your roles do not allow reading the genealogy.")
                .call(() -> genealogy.trace(lotId, way));
        tree = trace == null ? null : TraceTree.of(trace, describer());
    }

    /**
     * Lots as "Demoprofen (RM-DEMOPROFEN), RELEASED", each looked up once, the first {@value #DESCRIBED_LOTS}
     * of them: a huge trace stays quick to show, and its further lots keep their ids.
     */
    private Function<String, String> describer() {
        Map<String, String> known = new HashMap<>();
        return id -> known.size() >= DESCRIBED_LOTS ? known.getOrDefault(id, "") : known.computeIfAbsent(id, this::describe);
    }

    private String describe(String id) {
        LotFacts lot = commands.attempt("describe lot " + id + " (genealogy screen)").call(() -> lots.lot(id));
        return lot == null ? "" : lot.materialName() + " (" + lot.materialNumber() + "), " + lot.status();
    }

    public String getLotId() {
        return lotId;
    }

    public void setLotId(String lotId) {
        this.lotId = lotId;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public GenealogyTrace getTrace() {
        return trace;
    }

    public TreeNode<TraceTree.Line> getTree() {
        return tree;
    }
}
