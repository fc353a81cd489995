package org.openebr.ui.labeling;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import org.openebr.labeling.boundary.LabelContent;
import org.openebr.labeling.boundary.Labels;
import org.openebr.material.boundary.ContainerLabels;
import org.openebr.ui.Commands;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** A container's label as a PDF download, for the container and lot screens (warehouse, QA, inspectors). */
@Named("containerLabel")
@RequestScoped
public class ContainerLabelView {

    @Inject
    ContainerLabels containers;

    @Inject
    Labels labels;

    @Inject
    Commands commands;

    public StreamedContent pdf(String containerId) {
        byte[] pdf = commands.attempt("print the label of container " + containerId + " (container screen)")
                .notAllowed("Labels are printed by the warehouse; QA and inspectors read them.")
                .call(() -> {
                    LabelContent content = containers.content(containerId);
                    return labels.containerLabel(content);
                });
        if (pdf == null) {
            return null;
        }
        return DefaultStreamedContent.builder().name("label-" + containerId + ".pdf").contentType("application/pdf")
                .contentLength((long) pdf.length).stream(() -> new ByteArrayInputStream(pdf)).build();
    }
}
