/*
 * Messages where the person looks: after each page load and each Ajax update, the first message area
 * (action bar, field or page level) that shows something new is scrolled into view and, unless the
 * person is typing in a field, gets the focus, so a screen reader reads it (the areas are also
 * aria-live). A message belongs to the last action: an action bar's or the page's message area that
 * an Ajax answer did not re-render still shows an older action's message, which is removed.
 * Three repairs of PrimeFaces' markup for assistive technology run at the same moments (see below).
 * Included once by the template; no inline script (CSP).
 */
(function () {
    'use strict';

    var AREAS = '.ebr-messages, .ui-message';
    var TYPING = /^(INPUT|TEXTAREA|SELECT)$/;

    function shows(area) {
        return area.textContent.trim() !== '' && area.getClientRects().length > 0;
    }

    function inView(element) {
        var box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= (window.innerHeight || document.documentElement.clientHeight);
    }

    function typing() {
        var active = document.activeElement;
        return active && TYPING.test(active.tagName) && active.type !== 'submit' && active.type !== 'button';
    }

    /** Empties the action areas an Ajax answer left as they were: their messages are an older action's. */
    function forgetOlder() {
        var older = document.querySelectorAll('.ebr-messages[data-ebr-shown="true"]');
        for (var i = 0; i < older.length; i++) {
            older[i].innerHTML = '';
            older[i].removeAttribute('data-ebr-shown');
        }
    }

    /**
     * PrimeFaces gives each message of a message list role="alert" on its <li>: a list item that is
     * no list item any more, which screen readers announce badly (axe-core: "list", serious). The
     * area around the list is aria-live already; the items stay plain list items.
     */
    function plainListItems() {
        var items = document.querySelectorAll('.ui-messages li[role]');
        for (var i = 0; i < items.length; i++) {
            items[i].removeAttribute('role');
        }
    }

    /**
     * A table of input fields (class ebr-edit-table) is a table, not a grid widget: PrimeFaces marks it
     * role="grid" with role="gridcell" cells, and a grid cell is a click target of its own that its
     * input field covers (axe-core: "target-size", serious). Its cells are plain cells.
     */
    function plainEditTables() {
        var grids = document.querySelectorAll('.ebr-edit-table table[role="grid"]');
        for (var i = 0; i < grids.length; i++) {
            grids[i].setAttribute('role', 'table');
            var cells = grids[i].querySelectorAll('td[role="gridcell"]');
            for (var j = 0; j < cells.length; j++) {
                cells[j].setAttribute('role', 'cell');
            }
        }
    }

    /**
     * PrimeFaces hides its simple file field from assistive technology (aria-hidden) even where the
     * field itself is what the person uses: a focusable element hidden so is a dead end for a screen
     * reader (axe-core: "aria-hidden-focus", serious). A visible file field is not hidden.
     */
    function visibleFileFields() {
        var fields = document.querySelectorAll('input[type="file"][aria-hidden="true"]');
        for (var i = 0; i < fields.length; i++) {
            if (fields[i].getClientRects().length > 0) {
                fields[i].removeAttribute('aria-hidden');
            }
        }
    }

    function reveal() {
        plainListItems();
        plainEditTables();
        visibleFileFields();
        var areas = document.querySelectorAll(AREAS);
        var first = null;
        for (var i = 0; i < areas.length; i++) {
            var area = areas[i];
            if (area.getAttribute('data-ebr-shown') === 'true' || !shows(area)) {
                continue;
            }
            // an area re-rendered by Ajax is a new element: each message is brought into view once
            area.setAttribute('data-ebr-shown', 'true');
            first = first || area;
        }
        if (!first || typing()) {
            return; // when typing, the message is next to the field being edited; aria-live announces it
        }
        if (!inView(first)) {
            first.scrollIntoView({block: 'center'});
        }
        if (!first.hasAttribute('tabindex')) {
            first.setAttribute('tabindex', '-1');
        }
        first.focus({preventScroll: true});
    }

    window.ebr = window.ebr || {};
    window.ebr.revealMessages = reveal;

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', reveal);
    } else {
        reveal();
    }
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', function () {
            // PrimeFaces has replaced the updated elements when this fires (they carry no mark yet)
            forgetOlder();
            plainListItems();
            plainEditTables();
            visibleFileFields();
            window.setTimeout(reveal, 0);
        });
    }
}());
