package org.openebr.sim;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EventListener;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.EventItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes of V-101, FL-01 (and the bench tags), and how their values reach monitored items.
 * <p>
 * A monitored item whose sampling interval is one tick (the nodes' MinimumSamplingInterval, so also
 * what a requested 0 becomes) gets every change pushed: every vial's weight, none lost between two
 * samples. A slower item is sampled by Milo's {@link SubscriptionModel} at its interval, which by
 * design drops the changes between samples, as a real server does.
 * <p>
 * Alarm transitions are also OPC UA events (BaseEventType, source V-101 or FL-01), for clients that
 * subscribe to events on the equipment object or on the Server object.
 */
final class EquipmentNamespace extends ManagedNamespaceWithLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EquipmentNamespace.class);

    /** UNECE codes as OPC UA's EUInformation carries them (namespace of the CEFACT unit list). */
    private static final String UNECE = "http://www.opcfoundation.org/UA/units/un/cefact";
    private static final EUInformation DEGREE_CELSIUS = unit("CEL", "°C", "degree Celsius");
    private static final EUInformation RPM = unit("RPM", "r/min", "revolutions per minute");
    private static final EUInformation GRAM = unit("GRM", "g", "gram");

    private static final int SEVERITY_ALARM_ACTIVE = 700;
    private static final int SEVERITY_ALARM_CLEARED = 300;

    private final OpcUaServer server;
    private final Executor simulationThread;
    private final long tickMs;
    private final int benchTagCount;
    private final SubscriptionModel sampling;
    private final Map<String, SimulatedTag> tags = new LinkedHashMap<>();
    private final List<SimulatedTag> benchTags = new ArrayList<>();
    private final Map<EventItem, EventListener> eventListeners = new ConcurrentHashMap<>();

    EquipmentNamespace(OpcUaServer server, Executor simulationThread, long tickMs, int benchTagCount) {
        super(server, EquipmentNodes.NAMESPACE_URI);
        this.server = server;
        this.simulationThread = simulationThread;
        this.tickMs = tickMs;
        this.benchTagCount = benchTagCount;
        this.sampling = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(sampling);
        getLifecycleManager().addStartupTask(this::addNodes);
        getLifecycleManager().addShutdownTask(() -> eventListeners.values()
                .forEach(server.getEventNotifier()::unregister));
    }

    /** The tag behind a node id string; throws for an id the simulator does not have. */
    SimulatedTag tag(String id) {
        SimulatedTag tag = tags.get(id);
        if (tag == null) {
            throw new IllegalArgumentException("no such node: " + id + " (known: " + tags.keySet().stream()
                    .filter(t -> !t.startsWith(EquipmentNodes.BENCH)).toList() + ", Bench.TagNNNN)");
        }
        return tag;
    }

    Map<String, SimulatedTag> tags() {
        return Collections.unmodifiableMap(tags);
    }

    List<SimulatedTag> benchTags() {
        return benchTags;
    }

    private void addNodes() {
        UaFolderNode v101 = folder(EquipmentNodes.V101, null, "Compounding vessel V-101");
        UaFolderNode v101Alarm = folder("V-101.Alarm", v101, "Alarms of V-101");
        UaFolderNode fl01 = folder(EquipmentNodes.FL01, null, "Filling line FL-01 (filler, stopperer, checkweigher)");
        UaFolderNode checkweigher = folder("FL-01.Checkweigher", fl01, "Checkweigher of FL-01");
        UaFolderNode filler = folder("FL-01.Filler", fl01, "Filler of FL-01");
        UaFolderNode fl01Alarm = folder("FL-01.Alarm", fl01, "Alarms of FL-01");
        // the equipment objects are where their alarm events come from
        v101.setEventNotifier(ubyte(1));
        fl01.setEventNotifier(ubyte(1));

        variable(v101, EquipmentNodes.V101_TEMPERATURE, NodeIds.Double, 22.5, DEGREE_CELSIUS,
                "Product temperature in V-101", null);
        variable(v101, EquipmentNodes.V101_AGITATOR_SPEED, NodeIds.Double, 200.0, RPM,
                "Agitator speed of V-101", null);
        variable(v101Alarm, EquipmentNodes.V101_TEMPERATURE_HIGH, NodeIds.Boolean, false, null,
                "Temperature above 27.0 °C", alarmEvents(v101, "V-101 temperature high (above 27.0 °C)"));
        variable(checkweigher, EquipmentNodes.FL01_FILL_WEIGHT, NodeIds.Double, 2.100, GRAM,
                "Net fill weight of the last vial", null);
        variable(filler, EquipmentNodes.FL01_GOOD_COUNT, NodeIds.Int64, 0L, null,
                "Vials passed by the checkweigher", null);
        variable(filler, EquipmentNodes.FL01_REJECT_COUNT, NodeIds.Int64, 0L, null,
                "Vials rejected by the checkweigher", null);
        variable(filler, EquipmentNodes.FL01_FILLER_STATE, NodeIds.String, FillerState.RUNNING.name(), null,
                "RUNNING, STOPPED or FAULT", null);
        variable(fl01Alarm, EquipmentNodes.FL01_REJECT_RATE_HIGH, NodeIds.Boolean, false, null,
                "Checkweigher reject rate above 2 %", alarmEvents(fl01, "FL-01 checkweigher reject rate high (above 2 %)"));

        if (benchTagCount > 0) {
            UaFolderNode bench = folder(EquipmentNodes.BENCH, null, "Benchmark tags: every value changes on every tick");
            for (int i = 0; i < benchTagCount; i++) {
                benchTags.add(variable(bench, EquipmentNodes.benchTag(i), NodeIds.Double, 0.0, null, null, null));
            }
        }
    }

    private UaFolderNode folder(String id, UaFolderNode parent, String description) {
        String name = parent == null ? id : id.substring(id.lastIndexOf('.') + 1);
        var folder = new UaFolderNode(getNodeContext(), newNodeId(id), newQualifiedName(name),
                LocalizedText.english(name));
        folder.setDescription(LocalizedText.english(description));
        getNodeManager().addNode(folder);
        if (parent == null) {
            folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes,
                    NodeIds.ObjectsFolder.expanded(), false));
        } else {
            parent.addOrganizes(folder);
        }
        return folder;
    }

    private SimulatedTag variable(UaFolderNode parent, String id, NodeId dataType, Object initial,
                                  EUInformation unit, String description, BiConsumer<Object, Object> onChange) {
        String name = id.substring(id.lastIndexOf('.') + 1);
        UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(id))
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDescription(description == null ? LocalizedText.NULL_VALUE : LocalizedText.english(description))
                .setDataType(dataType)
                // read-only: values come from the process, never from a client
                .setAccessLevel(AccessLevel.CurrentRead)
                .setUserAccessLevel(AccessLevel.CurrentRead)
                .setMinimumSamplingInterval((double) tickMs)
                .build();
        getNodeManager().addNode(node);
        parent.addOrganizes(node);
        if (unit != null) {
            node.setEngineeringUnits(unit);
        }
        var tag = new SimulatedTag(id, node, initial, onChange);
        tags.put(id, tag);
        return tag;
    }

    private BiConsumer<Object, Object> alarmEvents(UaFolderNode source, String text) {
        return (before, now) -> {
            if (before != null) {
                boolean active = Boolean.TRUE.equals(now);
                fireEvent(source, (active ? "ACTIVE: " : "CLEARED: ") + text,
                        active ? SEVERITY_ALARM_ACTIVE : SEVERITY_ALARM_CLEARED);
            }
        };
    }

    private void fireEvent(UaFolderNode source, String message, int severity) {
        UUID id = UUID.randomUUID();
        try {
            BaseEventTypeNode event = server.getEventFactory().createEvent(newNodeId(id), NodeIds.BaseEventType);
            event.setBrowseName(newQualifiedName("AlarmEvent"));
            event.setDisplayName(LocalizedText.english("AlarmEvent"));
            event.setEventId(ByteString.of(ByteBuffer.allocate(16)
                    .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array()));
            event.setEventType(NodeIds.BaseEventType);
            event.setSourceNode(source.getNodeId());
            event.setSourceName(source.getBrowseName().name());
            DateTime now = DateTime.now();
            event.setTime(now);
            event.setReceiveTime(now);
            event.setMessage(LocalizedText.english(message));
            event.setSeverity(ushort(severity));
            server.getEventNotifier().fire(event);
            event.delete();
        } catch (UaException e) {
            // an event is a courtesy on top of the alarm variable; the variable already changed
            LOG.warn("could not fire event '{}': {}", message, e.getMessage());
        }
    }

    // Monitored items. Registering and pushing both run on the simulation thread, so a new item's
    // first value can never overtake (or be overtaken by) a change of the same tag.

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
        onSimulationThread(() -> route(items));
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
        onSimulationThread(() -> {
            unroute(items);
            route(items);
        });
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
        onSimulationThread(() -> unroute(items));
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
        onSimulationThread(() -> {
            List<DataItem> sampled = new ArrayList<>();
            for (MonitoredItem item : items) {
                if (item instanceof DataItem dataItem) {
                    Optional<SimulatedTag> pushing = pushingTag(dataItem);
                    if (pushing.isPresent()) {
                        pushing.get().sendCurrent(dataItem);
                    } else {
                        sampled.add(dataItem);
                    }
                }
            }
            if (!sampled.isEmpty()) {
                sampling.onMonitoringModeChanged(List.copyOf(sampled));
            }
        });
    }

    private void onSimulationThread(Runnable action) {
        try {
            simulationThread.execute(action);
        } catch (RejectedExecutionException e) {
            // the simulator is stopping: its items go with it
            LOG.debug("simulator stopping, monitored item change ignored");
        }
    }

    private void route(List<DataItem> items) {
        List<DataItem> sampled = new ArrayList<>();
        for (DataItem item : items) {
            Optional<SimulatedTag> tag = valueTag(item);
            if (tag.isPresent() && item.getSamplingInterval() <= tickMs) {
                tag.get().push(item);
            } else {
                sampled.add(item);
            }
        }
        if (!sampled.isEmpty() && sampling.isRunning()) {
            sampling.onDataItemsCreated(sampled);
        }
    }

    private void unroute(List<DataItem> items) {
        for (DataItem item : items) {
            valueTag(item).ifPresent(tag -> tag.stopPushing(item));
        }
        if (sampling.isRunning()) {
            sampling.onDataItemsDeleted(items);
        }
    }

    private Optional<SimulatedTag> valueTag(DataItem item) {
        NodeId nodeId = item.getReadValueId().getNodeId();
        if (!AttributeId.Value.isEqual(item.getReadValueId().getAttributeId())
                || !getNamespaceIndex().equals(nodeId.getNamespaceIndex())
                || !(nodeId.getIdentifier() instanceof String id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(tags.get(id));
    }

    private Optional<SimulatedTag> pushingTag(DataItem item) {
        return valueTag(item).filter(tag -> tag.pushes(item));
    }

    @Override
    public void onEventItemsCreated(List<EventItem> items) {
        items.stream().filter(MonitoredItem::isSamplingEnabled).forEach(this::listen);
    }

    @Override
    public void onEventItemsModified(List<EventItem> items) {
        for (EventItem item : items) {
            if (item.isSamplingEnabled()) {
                listen(item);
            } else {
                stopListening(item);
            }
        }
    }

    @Override
    public void onEventItemsDeleted(List<EventItem> items) {
        items.forEach(this::stopListening);
    }

    /** An event item on V-101 gets V-101's events only (Milo's own items on the Server object get all). */
    private void listen(EventItem item) {
        NodeId source = item.getReadValueId().getNodeId();
        EventListener listener = event -> {
            if (source.equals(event.getSourceNode())) {
                item.onEvent(event);
            }
        };
        EventListener previous = eventListeners.put(item, listener);
        if (previous != null) {
            server.getEventNotifier().unregister(previous);
        }
        server.getEventNotifier().register(listener);
    }

    private void stopListening(EventItem item) {
        EventListener listener = eventListeners.remove(item);
        if (listener != null) {
            server.getEventNotifier().unregister(listener);
        }
    }

    private static EUInformation unit(String commonCode, String symbol, String description) {
        int unitId = 0;
        for (char c : commonCode.toCharArray()) {
            unitId = (unitId << 8) | c;
        }
        return new EUInformation(UNECE, unitId, LocalizedText.english(symbol), LocalizedText.english(description));
    }
}
