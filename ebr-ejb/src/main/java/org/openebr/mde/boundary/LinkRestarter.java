package org.openebr.mde.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.openebr.mde.control.OpcUaLinks;

/** Restarts a connection's link after the change to it is committed (never for a change rolled back). */
@ApplicationScoped
public class LinkRestarter {

    @Inject
    OpcUaLinks links;

    void restart(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConnectionChanged changed) {
        links.restartSoon(changed.connectionId());
    }
}
