package org.openebr.ui.erp;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openebr.erp.boundary.ErpMessages;
import org.openebr.erp.boundary.ErpOrders;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/**
 * The ERP interface monitor for administrators and supervisors: where the confirmations go, how many
 * are pending, delivered and parked, the newest messages (all or of one state) with their attempts and
 * last error, a retry with its reason for a parked one (administrators), and the orders received.
 */
@Named("erpMonitor")
@ViewScoped
public class ErpMonitorView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 100;

    @Inject
    ErpMessages messages;

    @Inject
    ErpOrders orders;

    @Inject
    Commands commands;

    private String state;
    private ErpMessages.Overview overview;
    private List<ErpMessages.MessageFacts> shown = List.of();
    private List<ErpOrders.OrderFacts> received = List.of();
    private final Map<String, String> reasons = new HashMap<>();
    /** Messages retried on this page: their row stays, with its new state and the message beside it. */
    private final java.util.Set<String> retried = new java.util.HashSet<>();

    public void load() {
        overview = commands.attempt("open the ERP interface monitor").notAllowed("Only administrators and supervisors"
                + " see the ERP interface.").call(messages::overview);
        if (overview == null) {
            return;
        }
        String filter = state == null || state.isBlank() ? null : state;
        List<ErpMessages.MessageFacts> found = commands.attempt("list ERP messages").call(() -> messages.messages(filter,
                SHOWN));
        shown = found == null ? List.of() : found;
        List<ErpOrders.OrderFacts> ordered = commands.attempt("list ERP orders").call(() -> orders.orders(SHOWN));
        received = ordered == null ? List.of() : ordered;
    }

    /** A parked message back to pending, with the reason typed beside it. */
    public void retry() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("message");
        String reason = reasons.get(id);
        if (reason == null || reason.isBlank()) {
            Messages.error("Say why the message is retried (e.g. the ERP is back after maintenance).", null);
            return;
        }
        ErpMessages.MessageFacts done = commands.attempt("retry ERP message " + id + " (ERP monitor)")
                .notAllowed("Only an administrator retries a parked message.")
                .call(() -> messages.retry(UUID.fromString(id), reason));
        if (done != null) {
            reasons.remove(id);
            retried.add(id);
            shown = shown.stream().map(m -> m.messageId().equals(done.messageId()) ? done : m).toList();
            overview = messages.overview();
            Messages.info("Message " + done.sequence() + " of batch " + done.batchId() + " is pending again; the relay"
                    + " sends it within seconds.", null);
        }
    }

    public String label(String value) {
        return value == null ? "" : switch (value) {
            case "PENDING" -> "Pending";
            case "DELIVERED" -> "Delivered";
            case "PARKED" -> "Parked";
            default -> value.charAt(0) + value.substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    /** The status component's tone for a state: done, open or attention. */
    public String tone(String value) {
        return switch (value) {
            case "DELIVERED" -> "DONE";
            case "PARKED" -> "ERROR";
            default -> "PENDING";
        };
    }

    /** Whether a message was retried on this page (its row keeps the retry's message). */
    public boolean retried(ErpMessages.MessageFacts m) {
        return retried.contains(m.messageId().toString());
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public ErpMessages.Overview getOverview() {
        return overview;
    }

    public List<ErpMessages.MessageFacts> getShown() {
        return shown;
    }

    public List<ErpOrders.OrderFacts> getReceived() {
        return received;
    }

    public Map<String, String> getReasons() {
        return reasons;
    }
}
