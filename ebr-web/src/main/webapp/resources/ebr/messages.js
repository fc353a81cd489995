/*
 * Messages where the person looks: after each page load and each Ajax update, the first message area
 * (action bar, field or page level) that shows something new is scrolled into view and, unless the
 * person is typing in a field, gets the focus, so a screen reader reads it (the areas are also
 * aria-live). A message belongs to the last action: an action bar's or the page's message area that
 * an Ajax answer did not re-render still shows an older action's message, which is removed.
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

    function reveal() {
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
            window.setTimeout(reveal, 0);
        });
    }
}());
