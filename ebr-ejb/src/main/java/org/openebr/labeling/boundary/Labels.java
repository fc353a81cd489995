package org.openebr.labeling.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.openebr.labeling.control.ContainerLabelPdf;
import org.openebr.platform.control.SiteSettings;

/**
 * Container labels: a one-page PDF with the GS1 DataMatrix and the human-readable text, made from
 * a {@link LabelContent} the owner of the container fills in. Needs no transaction: it reads nothing.
 */
@Stateless
@RolesAllowed({"WAREHOUSE", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Labels {

    @Inject
    SiteSettings site;

    /** The label as PDF, times in the site's zone. */
    public byte[] containerLabel(LabelContent content) {
        return ContainerLabelPdf.render(content, site.zone());
    }

    /** Exactly what the label's DataMatrix holds (GS between elements), for a check against a scan. */
    public String encodedData(LabelContent content) {
        return ContainerLabelPdf.encodedData(content);
    }
}
