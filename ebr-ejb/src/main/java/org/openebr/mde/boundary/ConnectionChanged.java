package org.openebr.mde.boundary;

import java.util.UUID;

/** A connection's configuration, trust or tags changed: its link starts afresh once the change is committed. */
public record ConnectionChanged(UUID connectionId) {
}
