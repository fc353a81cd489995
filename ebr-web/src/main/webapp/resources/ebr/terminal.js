/*
 * The operator terminal (app/terminal.xhtml); no inline script (CSP).
 * - Keypad: the on-screen keys type into the card's number field (the one last touched in the card).
 *   The keys never take the focus, so a gloved tap does not move it.
 * - Scan field: a barcode scanner is a keyboard that types fast and ends with Enter. The one scan field
 *   keeps the focus whenever no other field has it (after every answer of the server, after a tap on
 *   a button), and Enter in it sends the scan. Enter in a card's field presses that card's Save.
 * - Connection: every entry is an Ajax request; when one fails because the server cannot be reached
 *   (no answer, or a gateway's error), the banner at the top says so at once, the card that sent it
 *   says "NOT saved" and the typed value stays in its field; nothing is kept in the browser to be
 *   sent later. The banner goes when the server answers again. An entry shows as saved only from the
 *   server's own answer.
 */
(function () {
    'use strict';

    var TYPING = /^(INPUT|TEXTAREA|SELECT)$/;
    var lastCard = null;   // the card whose button sent the request now underway
    var lastNumber = {};   // step -> id of the number field last touched in its card

    function scanField() {
        return document.getElementById('scan');
    }

    function banner() {
        return document.getElementById('connection-banner');
    }

    function typingElsewhere() {
        var active = document.activeElement;
        return active && active !== scanField() && TYPING.test(active.tagName)
            && active.type !== 'submit' && active.type !== 'button';
    }

    function dialogOpen() {
        return document.querySelector('.ui-dialog[aria-hidden="false"], .ui-dialog.ui-overlay-visible') !== null;
    }

    function keepScanFocus() {
        var scan = scanField();
        if (scan && !typingElsewhere() && !dialogOpen()) {
            scan.focus({preventScroll: true});
        }
    }

    function cardOf(element) {
        return element && element.closest ? element.closest('.ebr-terminal-card') : null;
    }

    function numberFieldOf(card) {
        var id = lastNumber[card.getAttribute('data-step')];
        var remembered = id ? document.getElementById(id) : null;
        return remembered && card.contains(remembered) ? remembered : card.querySelector('input.ebr-terminal-number');
    }

    function press(key, field) {
        var value = field.value;
        if (key === 'back') {
            value = value.slice(0, -1);
        } else if (key === 'clear') {
            value = '';
        } else if (key === '-') {
            value = value.charAt(0) === '-' ? value.slice(1) : '-' + value;
        } else if (key === '.') {
            value = value.indexOf('.') >= 0 ? value : (value === '' ? '0.' : value + '.');
        } else {
            value = value + key;
        }
        field.value = value;
        field.dispatchEvent(new Event('input', {bubbles: true}));
    }

    function offline(message) {
        var shown = banner();
        if (shown) {
            if (message) {
                document.getElementById('connection-detail').textContent = message;
            }
            shown.hidden = false;
        }
        document.body.classList.add('ebr-terminal-no-connection');
        if (lastCard) {
            lastCard.classList.remove('ebr-terminal-saving');
            var notes = lastCard.querySelectorAll('.ebr-terminal-note');
            for (var i = 0; i < notes.length; i++) {
                notes[i].remove(); // an earlier "saved" is not this entry's answer
            }
            var unsaved = lastCard.querySelector('.ebr-terminal-unsaved');
            if (!unsaved) {
                unsaved = document.createElement('div');
                unsaved.className = 'ebr-terminal-note ebr-terminal-refused ebr-terminal-unsaved';
                unsaved.setAttribute('role', 'alert');
                lastCard.appendChild(unsaved);
            }
            unsaved.textContent = 'NOT saved: no connection to the server. The value is still in the field; '
                + 'save it again when the connection is back.';
        }
    }

    /**
     * PrimeFaces disables a button while its request is underway and enables it again only from the
     * server's answer; a request that got no answer leaves it disabled. The operator must be able to
     * press Save again once the connection is back, so the buttons are released here.
     */
    function releaseButtons() {
        if (!window.PrimeFaces || !PrimeFaces.widgets || typeof PrimeFaces.buttonEndAjaxDisabled !== 'function') {
            return;
        }
        for (var name in PrimeFaces.widgets) {
            var widget = PrimeFaces.widgets[name];
            if (widget && widget.jq && widget.jq.hasClass && widget.jq.hasClass('ui-state-loading')) {
                widget.ajaxCount = 0;
                PrimeFaces.buttonEndAjaxDisabled(widget, widget.jq);
            }
        }
    }

    function online() {
        var shown = banner();
        if (shown) {
            shown.hidden = true;
        }
        document.body.classList.remove('ebr-terminal-no-connection');
    }

    /**
     * A signature dialog lives in its step's card; when the signature moves the step on, the Ajax answer
     * re-renders the cards without that dialog. Its modal mask (PrimeFaces puts it on the body) would
     * then cover the terminal: a mask whose dialog is gone is removed.
     */
    function dropOrphanMasks() {
        var masks = document.querySelectorAll('.ui-dialog-mask[id$="_modal"]');
        var dropped = false;
        for (var i = 0; i < masks.length; i++) {
            var dialogId = masks[i].id.slice(0, -'_modal'.length);
            if (!document.getElementById(dialogId)) {
                masks[i].remove();
                dropped = true;
            }
        }
        if (dropped && !document.querySelector('.ui-dialog-mask')) {
            document.body.classList.remove('ui-overflow-hidden');
            document.documentElement.classList.remove('ui-overflow-hidden');
        }
    }

    document.addEventListener('mousedown', function (event) {
        var key = event.target.closest ? event.target.closest('.ebr-key') : null;
        if (key) {
            event.preventDefault(); // the key does not take the focus from the field
        }
    });

    document.addEventListener('click', function (event) {
        var target = event.target;
        var key = target.closest ? target.closest('.ebr-key') : null;
        if (key) {
            var card = cardOf(key);
            var field = card ? numberFieldOf(card) : null;
            if (field) {
                press(key.getAttribute('data-key'), field);
            }
            return;
        }
        var button = target.closest ? target.closest('button, .ui-button') : null;
        if (button) {
            lastCard = cardOf(button);
            if (!TYPING.test(target.tagName)) {
                window.setTimeout(keepScanFocus, 0);
            }
        }
    });

    document.addEventListener('focusin', function (event) {
        var field = event.target;
        if (field.classList && field.classList.contains('ebr-terminal-number')) {
            var card = cardOf(field);
            if (card) {
                lastNumber[card.getAttribute('data-step')] = field.id;
            }
        }
    });

    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Enter' || event.target.tagName !== 'INPUT') {
            return;
        }
        var field = event.target;
        var button = null;
        if (field === scanField()) {
            button = document.getElementById('scan-go');
            lastCard = null;
        } else {
            var card = cardOf(field);
            var part = field.closest('.ebr-terminal-entry, .ebr-terminal-field');
            button = part ? part.querySelector('.ebr-terminal-save, button[id$=":correct"]') : null;
            if (!button && card) {
                button = card.querySelector('.ebr-terminal-save');
            }
            lastCard = card;
        }
        if (button) {
            event.preventDefault();
            button.click();
        }
    });

    if (window.jQuery) {
        jQuery(document).on('pfAjaxSend', function () {
            if (lastCard) {
                lastCard.classList.add('ebr-terminal-saving');
            }
        });
        jQuery(document).on('pfAjaxError', function (event, xhr) {
            // 0: no answer at all (network down, server gone); 502-504: a proxy found no server behind it
            if (!xhr || xhr.status === 0 || xhr.status === 502 || xhr.status === 503 || xhr.status === 504) {
                offline(null);
            }
            window.setTimeout(releaseButtons, 0);
        });
        jQuery(document).on('pfAjaxSuccess', function () {
            online();
        });
        jQuery(document).on('pfAjaxComplete', function () {
            if (lastCard) {
                lastCard.classList.remove('ebr-terminal-saving');
            }
            dropOrphanMasks();
            window.setTimeout(keepScanFocus, 0);
        });
    }
    window.addEventListener('offline', function () {
        offline('The terminal has lost its network. Entries cannot be saved until it is back.');
    });

    keepScanFocus();
})();
