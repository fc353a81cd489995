package org.openebr.ui.material;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;
import org.openebr.material.boundary.LotFacts;
import org.openebr.material.boundary.Lots;
import org.openebr.ui.Commands;
import org.openebr.signature.boundary.Signatures;
import org.openebr.ui.Messages;
import org.openebr.ui.signature.SignatureDialogView;

/**
 * One lot: what was received, its containers, its status now; for QA the disposition (release or
 * reject by electronic signature, block and lifting the block with a reason).
 */
@Named("lotPage")
@ViewScoped
public class LotView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Lots lots;

    @Inject
    Commands commands;

    @Inject
    SignatureDialogView signatureDialog;

    private String lotId;
    private LotFacts lot;
    private String reason;
    private UUID seenSignature;

    public void load() {
        if (lotId == null || lotId.isBlank()) {
            Messages.error("Open a lot from the list of lots.", null);
            return;
        }
        lot = commands.attempt("read lot " + lotId + " (lot screen)")
                .notAllowed("Your roles do not allow reading lots.")
                .call(() -> lots.lot(lotId.strip()));
    }

    /**
     * After a QA decision signed in the dialog (which moved the lot's status in the same transaction),
     * the page reads the lot again, once per signature.
     */
    public void catchUpWithSigning() {
        if (lot == null || !signatureDialog.isSigned()) {
            return;
        }
        Signatures.Manifestation signature = signatureDialog.getSignature();
        if (Lots.RECORD_TYPE.equals(signature.recordType()) && lot.lotId().equals(signature.recordId())
                && !signature.id().equals(seenSignature)) {
            seenSignature = signature.id();
            load();
        }
    }

    public void block() {
        changeBlock(true);
    }

    public void unblock() {
        changeBlock(false);
    }

    private void changeBlock(boolean blocking) {
        LotFacts changed = commands.attempt((blocking ? "block" : "unblock") + " lot " + lotId + " (lot screen)")
                .notAllowed("Only QA blocks a lot or lifts a block.")
                .call(() -> blocking ? lots.block(lot.lotId(), reason) : lots.unblock(lot.lotId(), reason));
        if (changed != null) {
            lot = changed;
            reason = null;
            Messages.info(blocking ? "Lot " + lot.lotId() + " is blocked: its material cannot be used."
                    : "The block is lifted: lot " + lot.lotId() + " is " + statusLabel(lot.status()) + " again.", null);
        }
    }

    /** What QA signs, in words: the dialog shows it. */
    public String summaryForSigning() {
        return "Lot " + lot.lotId() + " of " + lot.materialName() + " (" + lot.materialNumber() + "), supplier lot "
                + lot.supplierLot() + " from " + lot.supplier() + ", " + lot.containers().size() + " container"
                + (lot.containers().size() == 1 ? "" : "s") + ", expiry " + lot.expiryDate();
    }

    public boolean decidable() {
        return lot != null && "QUARANTINE".equals(lot.recordedStatus()) && !lot.expired();
    }

    public String statusLabel(String status) {
        return LotStatusLabels.label(status);
    }

    public LotFacts getLot() { return lot; }
    public String getLotId() { return lotId; }
    public void setLotId(String value) { lotId = value; }
    public String getReason() { return reason; }
    public void setReason(String value) { reason = value; }
}
