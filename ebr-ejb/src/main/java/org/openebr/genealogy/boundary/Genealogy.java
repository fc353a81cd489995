package org.openebr.genealogy.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.openebr.genealogy.control.EdgeTable;
import org.openebr.genealogy.control.GenealogyQuery;
import org.openebr.material.boundary.Lots;

/**
 * Genealogy traces of a lot over the edges the material movements write (received as containers,
 * dispensed into, split, merged, consumed into a batch): forward, where its material went, and
 * backward, what it was made from, to any depth (limit 50), as one recursive statement. A trace
 * says whether it is complete and names links that close a cycle.
 */
@Stateless
@RolesAllowed({"WAREHOUSE", "OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
public class Genealogy {

    /** The materials component's append-only edges (V11), indexed on both ids. */
    static final EdgeTable EDGES = new EdgeTable("genealogy_edge", "from_id", "from_kind", "to_id", "to_kind", "kind");

    @Resource(lookup = "java:jboss/datasources/EbrDS")
    DataSource dataSource;

    @Inject
    Lots lots;

    /** @throws org.openebr.material.boundary.MaterialRefused when no lot has the id */
    public GenealogyTrace trace(String lotId, TraceDirection direction) {
        lots.lot(lotId); // a lot that does not exist is refused as the lot API refuses it, not traced as empty
        try (Connection connection = dataSource.getConnection()) {
            return new GenealogyQuery(EDGES, direction).trace(connection, lotId);
        } catch (SQLException e) {
            throw new IllegalStateException("genealogy trace failed: SQLSTATE " + e.getSQLState(), e);
        }
    }
}
