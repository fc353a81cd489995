package org.openebr.sim;

/** What the filler of FL-01 reports; only a RUNNING filler fills, weighs and counts vials. */
public enum FillerState {
    RUNNING,
    STOPPED,
    FAULT
}
