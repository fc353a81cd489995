package org.openebr.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.Resource;
import jakarta.faces.component.ActionSource;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import java.util.Collection;
import java.util.Map;

/**
 * Faces messages: what the user sees instead of an exception, placed where the user looks. A message
 * goes next to what caused it (STYLE.md, Screens):
 * <ul>
 * <li>to the {@code <ebr:actionBar>} around the button that was pressed, whose message area shows it;</li>
 * <li>else to the field whose change caused it (a {@code <p:ajax>} on an input), shown by its {@code <p:message>};</li>
 * <li>else to the page: the template's page-level message area shows it.</li>
 * </ul>
 * Each message has exactly one place, so no message shows twice.
 */
public final class Messages {

    /** The composite that holds a group of buttons and the message area for what they caused. */
    static final String ACTION_BAR = "actionBar.xhtml";

    private Messages() {
    }

    public static void info(String summary, String detail) {
        add(FacesMessage.SEVERITY_INFO, summary, detail);
    }

    public static void error(String summary, String detail) {
        add(FacesMessage.SEVERITY_ERROR, summary, detail);
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static void add(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext context = FacesContext.getCurrentInstance();
        UIComponent source = sourceOf(context);
        UIComponent actionBar = actionBarOf(source);
        String place = placeFor(context, source);
        context.addMessage(place, new FacesMessage(severity, summary, detailOrNone(detail)));
        if (actionBar != null && place != null && place.equals(actionBar.getClientId(context))) {
            renderAlso(context, place);
        }
    }

    /** Without a detail, Faces repeats the summary as the detail: the message would show twice. */
    private static String detailOrNone(String detail) {
        return detail == null ? "" : detail;
    }

    /**
     * The client id whose message area shows a message the source caused: its action bar, else the
     * field itself, else none (the page-level area).
     */
    static String placeFor(FacesContext context, UIComponent source) {
        if (source == null) {
            return null;
        }
        if (source instanceof EditableValueHolder) {
            return source.getClientId(context);
        }
        UIComponent actionBar = actionBarOf(source);
        return actionBar == null ? null : actionBar.getClientId(context);
    }

    private static UIComponent actionBarOf(UIComponent source) {
        for (UIComponent component = source; component != null; component = component.getParent()) {
            if (isActionBar(component)) {
                return component;
            }
        }
        return null;
    }

    static boolean isActionBar(UIComponent component) {
        if (!UIComponent.isCompositeComponent(component)) {
            return false;
        }
        Object resource = component.getAttributes().get(Resource.COMPONENT_RESOURCE_KEY);
        return resource instanceof Resource composite && ACTION_BAR.equals(composite.getResourceName());
    }

    /**
     * The component that caused this request. While an action or listener runs, Faces has pushed its
     * source as the current component (in a table row, with the row's client id); otherwise the request
     * names it: {@code jakarta.faces.source} for Ajax, the button's client id as a parameter for a plain submit.
     */
    private static UIComponent sourceOf(FacesContext context) {
        UIComponent current = UIComponent.getCurrentComponent(context);
        if (current instanceof ActionSource || current instanceof EditableValueHolder) {
            return current;
        }
        if (context.getViewRoot() == null) {
            return null;
        }
        Map<String, String> parameters = context.getExternalContext().getRequestParameterMap();
        String ajaxSource = parameters.get("jakarta.faces.source");
        if (ajaxSource != null) {
            return find(context, ajaxSource);
        }
        for (String name : parameters.keySet()) {
            if (!name.startsWith("jakarta.faces.") && !name.startsWith("primefaces.")) {
                UIComponent candidate = find(context, name);
                if (candidate instanceof ActionSource) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static UIComponent find(FacesContext context, String clientId) {
        UIComponent[] found = new UIComponent[1];
        context.getViewRoot().invokeOnComponent(context, clientId, (ctx, component) -> found[0] = component);
        return found[0];
    }

    /** An Ajax answer shows the message even when the button did not name its action bar in {@code update}. */
    private static void renderAlso(FacesContext context, String clientId) {
        PartialViewContext partial = context.getPartialViewContext();
        if (partial.isAjaxRequest() && !partial.isRenderAll()) {
            Collection<String> renderIds = partial.getRenderIds();
            if (!renderIds.contains(clientId)) {
                renderIds.add(clientId);
            }
        }
    }
}
