package org.openebr.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ArchiveFormat;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.openebr.it.probe.AuditProbe;
import org.openebr.it.probe.DemoAccountsProbe;
import org.openebr.it.probe.ItStepRecordType;
import org.openebr.it.probe.NonceProbe;
import org.openebr.it.probe.ProbeResource;
import org.openebr.it.probe.RecipeTimerProbe;
import org.openebr.it.probe.StepProbe;
import org.openebr.it.probe.TokenProbe;
import org.openebr.it.probe.UiStandardProbe;

/** The archives the integration tests deploy: always the EAR the build produced. */
final class Deployments {

    private static final String WAR = "ebr-web.war";
    private static final String EJB = "ebr-ejb.jar";

    private Deployments() {
    }

    /** The EAR exactly as built. */
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ebr.ear")));
    }

    /** The EAR as built, plus the test-only probes in its web module and a test record type in its EJB module. */
    static EnterpriseArchive earWithProbe() {
        EnterpriseArchive ear = ear();
        WebArchive war = ShrinkWrap.create(WebArchive.class, WAR)
                .merge(ear.getAsType(WebArchive.class, "/" + WAR, ArchiveFormat.ZIP));
        war.addClasses(ProbeResource.class, ProbeResource.ProbeOrder.class, AuditProbe.class, StepProbe.class,
                NonceProbe.class, RecipeTimerProbe.class, DemoAccountsProbe.class, TokenProbe.class);
        ear.delete("/" + WAR);
        ear.addAsModule(war);
        // a test-only record type that takes signatures, beside the real ones in the EJB module
        JavaArchive ejb = ShrinkWrap.create(JavaArchive.class, EJB)
                .merge(ear.getAsType(JavaArchive.class, "/" + EJB, ArchiveFormat.ZIP));
        ejb.addClasses(ItStepRecordType.class);
        ear.delete("/" + EJB);
        ear.addAsModule(ejb);
        return ear;
    }

    /** The EAR as built, plus a test-only page with every part of the UI standard (app/it-ui-standard.xhtml). */
    static EnterpriseArchive earWithUiProbe() {
        EnterpriseArchive ear = ear();
        WebArchive war = ShrinkWrap.create(WebArchive.class, WAR)
                .merge(ear.getAsType(WebArchive.class, "/" + WAR, ArchiveFormat.ZIP));
        war.addClasses(UiStandardProbe.class);
        war.addAsWebResource("probe/it-ui-standard.xhtml", "app/it-ui-standard.xhtml");
        ear.delete("/" + WAR);
        ear.addAsModule(war);
        return ear;
    }
}
