package org.openebr.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ArchiveFormat;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.openebr.it.probe.AuditProbe;
import org.openebr.it.probe.DemoAccountsProbe;
import org.openebr.it.probe.EquipmentGateProbe;
import org.openebr.it.probe.GenealogyProbe;
import org.openebr.it.probe.ItStepRecordType;
import org.openebr.it.probe.NonceProbe;
import org.openebr.it.probe.ProbeResource;
import org.openebr.it.probe.RecipeTimerProbe;
import org.openebr.it.probe.StepProbe;
import org.openebr.it.probe.TokenProbe;
import org.openebr.it.probe.UiStandardProbe;
import org.openebr.it.probe.WorklistsProbe;

/** The archives the integration tests deploy: always the EAR the build produced. */
final class Deployments {

    private static final String WAR = "ebr-web.war";
    private static final String EJB = "ebr-ejb.jar";

    private Deployments() {
    }

    /** The EAR exactly as built (one archive object per test run, so its classes share one deployment). */
    static synchronized EnterpriseArchive ear() {
        if (asBuilt == null) {
            asBuilt = read();
        }
        return asBuilt;
    }

    private static EnterpriseArchive asBuilt;

    private static EnterpriseArchive read() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ebr.ear")));
    }

    /**
     * The EAR as built, plus the test-only probes in its web module (REST probes and a page with
     * every part of the UI standard, app/it-ui-standard.xhtml) and a test record type in its EJB
     * module, named ebr-it.ear. Built once per test run: every class that deploys it shares one
     * deployment (see {@link DeployOnce}).
     */
    static synchronized EnterpriseArchive earWithProbe() {
        if (withProbes == null) {
            withProbes = buildEarWithProbes();
        }
        return withProbes;
    }

    /** The same archive as {@link #earWithProbe()}: the UI standard's probe page is part of it. */
    static EnterpriseArchive earWithUiProbe() {
        return earWithProbe();
    }

    private static EnterpriseArchive withProbes;

    private static EnterpriseArchive buildEarWithProbes() {
        EnterpriseArchive ear = ShrinkWrap.create(EnterpriseArchive.class, "ebr-it.ear").merge(read());
        WebArchive war = ShrinkWrap.create(WebArchive.class, WAR)
                .merge(ear.getAsType(WebArchive.class, "/" + WAR, ArchiveFormat.ZIP));
        war.addClasses(ProbeResource.class, ProbeResource.ProbeOrder.class, AuditProbe.class, StepProbe.class,
                NonceProbe.class, RecipeTimerProbe.class, DemoAccountsProbe.class, TokenProbe.class);
        war.addClasses(WorklistsProbe.class); // the home page's worklist queries, per role
        war.addClasses(UiStandardProbe.class);
        war.addClasses(EquipmentGateProbe.class); // occupy/release until batch execution calls them
        war.addClasses(GenealogyProbe.class); // lot-to-lot merges and splits, audited
        war.addAsWebResource("probe/it-ui-standard.xhtml", "app/it-ui-standard.xhtml");
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
}
