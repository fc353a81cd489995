package org.openebr.it.probe;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.openebr.material.entity.GenealogyEdge;
import org.openebr.platform.control.ChangeContext;

/**
 * Test-only: a lot merged into or split from another, as a batch that merges and splits lots would record it (no
 * boundary records lot-to-lot merges yet). Written through JPA with a command and a reason, so the edge has its
 * audit trail like any record the application writes, and the trail stays intact for the checks that follow.
 */
@Path("it-probe/genealogy")
public class GenealogyProbe {

    @PersistenceContext(unitName = "ebr")
    EntityManager em;

    @Inject
    ChangeContext change;

    @POST
    @Path("edge")
    @Transactional
    public void edge(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("kind") String kind) {
        change.record("Seed genealogy edge (integration test)", "test data: lot " + from + " " + kind + " " + to);
        em.persist(new GenealogyEdge(GenealogyEdge.Node.LOT, from, GenealogyEdge.Node.LOT, to,
                GenealogyEdge.Kind.valueOf(kind), null, null, null, "labels-it", Instant.now()));
    }
}
