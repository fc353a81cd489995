package org.openebr.material.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openebr.material.control.Disposition;
import org.openebr.material.control.MaterialReads;
import org.openebr.material.control.MaterialStore;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.LotStatus;
import org.openebr.material.entity.Material;
import org.openebr.platform.control.ChangeContext;
import org.openebr.signature.boundary.Meaning;
import org.openebr.signature.boundary.SignableRecordType;
import org.openebr.signature.boundary.SignaturePolicy;

/**
 * A lot as a signed record: QA's decision on it is an electronic signature of a QA_RELEASER with
 * the meaning RELEASED or REJECTED (EU GMP 5.31, 21 CFR 211.84(a), 11.50), and the signature moves
 * the lot's status in the same transaction. Nobody decides on a lot they received themself (an
 * independent QA decision). Record id: the lot id.
 */
@ApplicationScoped
public class LotRecordType implements SignableRecordType {

    @Inject
    MaterialStore store;

    @Inject
    MaterialReads reads;

    @Inject
    Lots lots;

    @Inject
    Disposition disposition;

    @Inject
    ChangeContext change;

    @Override
    public String recordType() {
        return Lots.RECORD_TYPE;
    }

    /** What QA signs: the lot's identity, dates, receipt and containers as received, at this version of the row. */
    @Override
    public Optional<Object> content(String recordId) {
        Optional<Lot> found = store.lot(recordId);
        found.ifPresent(lot -> lots.lot(lot.lotId())); // the lots' own read rules
        return found.map(lot -> {
            Material material = store.material(lot.materialId());
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("lotId", lot.lotId());
            content.put("rowVersion", lot.rowVersion());
            content.put("materialNumber", material.materialNumber());
            content.put("materialName", material.name());
            content.put("supplier", lot.supplier());
            content.put("supplierLot", lot.supplierLot());
            content.put("expiryDate", lot.expiryDate().toString());
            content.put("retestDate", lot.retestDate() == null ? null : lot.retestDate().toString());
            content.put("status", lot.status().name());
            content.put("receivedBy", lot.receivedBy());
            content.put("receivedAt", lot.receivedAt());
            List<Object> containers = store.containersOf(lot.id()).stream().<Object>map(c -> Map.of(
                    "containerId", c.containerId(), "quantity", MaterialReads.plain(c.quantity()).toPlainString(),
                    "unit", c.unit())).toList();
            content.put("containers", containers);
            return content;
        });
    }

    @Override
    public SignaturePolicy policy() {
        return SignaturePolicy.builder()
                .allow(Meaning.RELEASED, Set.of("QA_RELEASER"))
                .allow(Meaning.REJECTED, Set.of("QA_RELEASER"))
                .build();
    }

    /** The warehouse and supervisors see who released the lots they handle. */
    @Override
    public Set<String> signatureReaders() {
        return Set.of("WAREHOUSE", "SUPERVISOR", "QA_REVIEWER");
    }

    @Override
    public Optional<String> refusal(String recordId, String userName, Meaning meaning) {
        Optional<Lot> found = store.lot(recordId);
        if (found.isEmpty()) {
            return Optional.empty(); // the ceremony answers "no such record"
        }
        Lot lot = found.get();
        if (lot.receivedBy(userName)) {
            return Optional.of("You received lot " + lot.lotId() + ", so you cannot " + (meaning == Meaning.RELEASED
                    ? "release" : "reject") + " it: the QA decision on a lot is independent of its receipt (EU GMP 5.31);"
                    + " another QA releaser must decide.");
        }
        if (meaning == Meaning.RELEASED && lot.status() != LotStatus.QUARANTINE) {
            return Optional.of("Lot " + lot.lotId() + " is " + lot.status() + "; only a lot in QUARANTINE is released"
                    + (lot.status() == LotStatus.BLOCKED ? " (lift the block first)" : "") + ".");
        }
        if (meaning == Meaning.RELEASED && lot.expiredOn(reads.today())) {
            return Optional.of("Lot " + lot.lotId() + " expired on " + lot.expiryDate() + "; expired material is not released.");
        }
        if (meaning == Meaning.REJECTED && lot.status() == LotStatus.REJECTED) {
            return Optional.of("Lot " + lot.lotId() + " is REJECTED already.");
        }
        return Optional.empty();
    }

    @Override
    public void signed(String recordId, Meaning meaning, String userName) {
        Lot lot = store.lot(recordId).orElseThrow();
        LotStatus target = meaning == Meaning.RELEASED ? LotStatus.RELEASED : LotStatus.REJECTED;
        String command = change.current().command();
        disposition.decide(lot, target, userName, command + ": " + target,
                "QA decision: " + meaning + " signature");
        change.actingAs("QA_RELEASER");
    }
}
