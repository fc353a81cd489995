package org.openebr.sim;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * One machine data point: its variable node, and what a test has done to it (frozen, status forced).
 * The source timestamp is the moment the value or its status changed, as a device would stamp it; a
 * value that does not change keeps its old timestamp, which is what a flatline looks like to a client.
 * Only the simulation thread calls the mutating methods, so none of them needs a lock.
 */
final class SimulatedTag {

    private final String id;
    private final UaVariableNode node;
    /** Monitored items that get every change pushed (sampling interval of one tick or less). */
    private final Set<DataItem> pushedItems = ConcurrentHashMap.newKeySet();
    private final BiConsumer<Object, Object> onChange;

    private Object value;
    private boolean frozen;
    private StatusCode forcedStatus;

    SimulatedTag(String id, UaVariableNode node, Object initial, BiConsumer<Object, Object> onChange) {
        this.id = id;
        this.node = node;
        this.onChange = onChange;
        publish(initial, StatusCode.GOOD, DateTime.now());
    }

    String id() {
        return id;
    }

    UaVariableNode node() {
        return node;
    }

    Object value() {
        return value;
    }

    DataValue dataValue() {
        return node.getValue();
    }

    boolean frozen() {
        return frozen;
    }

    /** A state-like reading (alarm, counter, machine state): published only when it differs. */
    void offer(Object newValue) {
        if (!frozen && !Objects.equals(newValue, value)) {
            publish(newValue, status(), DateTime.now());
        }
    }

    /**
     * A measurement (a vial on the checkweigher): always a new value with its own timestamp, even when
     * two vials weigh the same.
     */
    void measure(Object newValue) {
        if (!frozen) {
            publish(newValue, status(), DateTime.now());
        }
    }

    /** What a test or the demo sets; it applies even to a frozen tag (which then stays at the new value). */
    void set(Object newValue) {
        publish(newValue, status(), DateTime.now());
    }

    void freeze() {
        frozen = true;
    }

    void unfreeze() {
        frozen = false;
    }

    /** The status changes now, so the client sees it now, whether or not the value moves. */
    void forceStatus(StatusCode status) {
        forcedStatus = status;
        publish(value, status, DateTime.now());
    }

    void releaseStatus() {
        if (forcedStatus != null) {
            forcedStatus = null;
            publish(value, StatusCode.GOOD, DateTime.now());
        }
    }

    void push(DataItem item) {
        pushedItems.add(item);
        sendCurrent(item);
    }

    void stopPushing(DataItem item) {
        pushedItems.remove(item);
    }

    boolean pushes(DataItem item) {
        return pushedItems.contains(item);
    }

    /** The first notification of a new (or re-enabled) monitored item is the current value. */
    void sendCurrent(DataItem item) {
        if (item.isSamplingEnabled()) {
            item.setValue(DataValue.derivedValue(node.getValue(), item.getTimestampsToReturn()));
        }
    }

    private StatusCode status() {
        return forcedStatus == null ? StatusCode.GOOD : forcedStatus;
    }

    private void publish(Object newValue, StatusCode status, DateTime time) {
        Object previous = value;
        value = newValue;
        DataValue dataValue = new DataValue(new Variant(newValue), status, time, time);
        node.setValue(dataValue);
        for (DataItem item : pushedItems) {
            if (item.isSamplingEnabled()) {
                item.setValue(DataValue.derivedValue(dataValue, item.getTimestampsToReturn()));
            }
        }
        if (onChange != null && !Objects.equals(previous, newValue)) {
            onChange.accept(previous, newValue);
        }
    }
}
