package org.openebr.material.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openebr.material.boundary.MaterialRefused;
import org.openebr.material.entity.ContainerEvent;
import org.openebr.material.entity.Dispensing;
import org.openebr.material.entity.GenealogyEdge;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.Material;
import org.openebr.material.entity.MaterialContainer;

/**
 * Finds materials, lots and containers, numbers new ones, and writes what every material movement
 * leaves behind: the container's next history entry and the genealogy edge. Callers state the
 * command and the reason.
 */
@ApplicationScoped
public class MaterialStore {

    @PersistenceContext
    EntityManager em;

    // --- materials ---------------------------------------------------------------------------------

    public List<Material> materials() {
        return em.createQuery("select m from Material m order by m.materialNumber", Material.class).getResultList();
    }

    public Optional<Material> material(String materialNumber) {
        return em.createQuery("select m from Material m where m.materialNumber = :number", Material.class)
                .setParameter("number", materialNumber).getResultStream().findFirst();
    }

    public Optional<Material> materialNamed(String name) {
        return em.createQuery("select m from Material m where lower(m.name) = lower(:name)", Material.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    public Optional<Material> materialWithGtin(String gtin) {
        return em.createQuery("select m from Material m where m.gtin = :gtin", Material.class)
                .setParameter("gtin", gtin).getResultStream().findFirst();
    }

    public Material material(UUID id) {
        return em.find(Material.class, id);
    }

    // --- lots and containers -----------------------------------------------------------------------

    public List<Lot> lots() {
        return em.createQuery("select l from Lot l order by l.receivedAt desc, l.lotId desc", Lot.class).getResultList();
    }

    public Optional<Lot> lot(String lotId) {
        return em.createQuery("select l from Lot l where l.lotId = :lot", Lot.class)
                .setParameter("lot", lotId).getResultStream().findFirst();
    }

    public Lot existingLot(String lotId) {
        return lot(lotId).orElseThrow(() -> new MaterialRefused(MaterialRefused.Reason.LOT_NOT_FOUND,
                "There is no lot " + lotId + "."));
    }

    public Lot lot(UUID id) {
        return em.find(Lot.class, id);
    }

    public List<MaterialContainer> containersOf(UUID lotRef) {
        return em.createQuery("select c from MaterialContainer c where c.lotRef = :lot order by c.containerId",
                MaterialContainer.class).setParameter("lot", lotRef).getResultList();
    }

    public Optional<MaterialContainer> container(String containerId) {
        return em.createQuery("select c from MaterialContainer c where c.containerId = :id", MaterialContainer.class)
                .setParameter("id", containerId).getResultStream().findFirst();
    }

    public MaterialContainer existingContainer(String containerId) {
        return container(containerId).orElseThrow(() -> new MaterialRefused(
                MaterialRefused.Reason.CONTAINER_NOT_FOUND, "There is no container " + containerId + "."));
    }

    /**
     * The container, locked for this transaction: two dispensings from one container are made one after
     * the other, the second seeing what the first left (never an overdraw, never a lost update).
     */
    public MaterialContainer lockedContainer(String containerId) {
        MaterialContainer found = existingContainer(containerId);
        em.refresh(found, LockModeType.PESSIMISTIC_WRITE);
        return found;
    }

    /** The custody history of a container: one query, oldest first. */
    public List<ContainerEvent> history(UUID containerRef) {
        return em.createQuery("select e from ContainerEvent e where e.containerRef = :c order by e.seq",
                ContainerEvent.class).setParameter("c", containerRef).getResultList();
    }

    /** Whether the container was ever received at, moved to or handed over at the place. */
    public boolean everAt(UUID containerRef, String location) {
        return em.createQuery("select count(e) from ContainerEvent e where e.containerRef = :c and"
                        + " lower(e.toLocation) = lower(:place)", Long.class)
                .setParameter("c", containerRef).setParameter("place", location).getSingleResult() > 0;
    }

    public List<Dispensing> dispensingsOf(String batch) {
        return em.createQuery("select d from Dispensing d where d.batch = :batch order by d.dispensedAt",
                Dispensing.class).setParameter("batch", batch).getResultList();
    }

    public Optional<Dispensing> dispensingInto(String containerId) {
        return em.createQuery("select d from Dispensing d where d.dispensedContainer = :c", Dispensing.class)
                .setParameter("c", containerId).getResultStream().findFirst();
    }

    public List<GenealogyEdge> edgesFrom(String id) {
        return em.createQuery("select e from GenealogyEdge e where e.fromId = :id order by e.recordedAt",
                GenealogyEdge.class).setParameter("id", id).getResultList();
    }

    public List<GenealogyEdge> edgesTo(String id) {
        return em.createQuery("select e from GenealogyEdge e where e.toId = :id order by e.recordedAt",
                GenealogyEdge.class).setParameter("id", id).getResultList();
    }

    // --- numbering ---------------------------------------------------------------------------------

    /** The next internal lot id, e.g. {@code L-2026-000123} (the year of receipt, a number that never repeats). */
    public String nextLotId(int year) {
        return "L-" + year + "-" + String.format("%06d", next("ebr.lot_number_seq"));
    }

    /** The next container id, e.g. {@code C-0001234}: the text printed on the label and scanned. */
    public String nextContainerId() {
        return "C-" + String.format("%07d", next("ebr.container_number_seq"));
    }

    public String nextDispensingId() {
        return "D-" + String.format("%07d", next("ebr.dispensing_number_seq"));
    }

    private long next(String sequence) {
        return ((Number) em.createNativeQuery("SELECT nextval('" + sequence + "')").getSingleResult()).longValue();
    }

    // --- writing -----------------------------------------------------------------------------------

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    /** The container's next history entry, numbered after the last one. */
    public ContainerEvent record(MaterialContainer container, ContainerEvent.Facts facts, String by, Instant now) {
        Integer last = em.createQuery("select max(e.seq) from ContainerEvent e where e.containerRef = :c", Integer.class)
                .setParameter("c", container.id()).getSingleResult();
        ContainerEvent event = new ContainerEvent(container.id(), last == null ? 1 : last + 1, facts, by, now);
        em.persist(event);
        return event;
    }

    public void edge(GenealogyEdge.Node fromKind, String fromId, GenealogyEdge.Node toKind, String toId,
                     GenealogyEdge.Kind kind, BigDecimal quantity, String unit, String reference, String by,
                     Instant now) {
        em.persist(new GenealogyEdge(fromKind, fromId, toKind, toId, kind, quantity, unit, reference, by, now));
    }
}
