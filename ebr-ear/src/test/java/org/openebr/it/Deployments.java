package org.openebr.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ArchiveFormat;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.openebr.it.probe.AuditProbe;
import org.openebr.it.probe.ProbeResource;

/** The archives the integration tests deploy: always the EAR the build produced. */
final class Deployments {

    private static final String WAR = "ebr-web.war";

    private Deployments() {
    }

    /** The EAR exactly as built. */
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ebr.ear")));
    }

    /** The EAR as built, plus the test-only {@link ProbeResource} in its web module. */
    static EnterpriseArchive earWithProbe() {
        EnterpriseArchive ear = ear();
        WebArchive war = ShrinkWrap.create(WebArchive.class, WAR)
                .merge(ear.getAsType(WebArchive.class, "/" + WAR, ArchiveFormat.ZIP));
        war.addClasses(ProbeResource.class, ProbeResource.ProbeOrder.class, AuditProbe.class);
        ear.delete("/" + WAR);
        ear.addAsModule(war);
        return ear;
    }
}
