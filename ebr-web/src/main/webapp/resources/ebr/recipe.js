/*
 * The recipe designer keeps its working copy on the server between saves: a command such as "add
 * step" sends the form (and so passes the guard's "submitted" test) without saving the draft. After
 * each Ajax answer the page's unsaved state is therefore what the server says (the data-dirty flag of
 * #designer-state): dirty until the draft is saved or the changes are discarded. What was typed since
 * the last answer the guard itself (guard.js) notices. And a text field at its length limit says so.
 * No inline script (CSP).
 */
(function () {
    'use strict';

    function sync(xhr) {
        var state = document.getElementById('designer-state');
        var guard = window.ebr && window.ebr.guard;
        if (!state || !guard) {
            return;
        }
        if (xhr && xhr.pfArgs && xhr.pfArgs.validationFailed) {
            return; // refused: what was typed is still unsaved, and the guard keeps it so
        }
        if (state.getAttribute('data-dirty') === 'true') {
            guard.dirty('designer');
        } else {
            guard.clean('designer');
        }
    }

    /*
     * A field at its limit (the server's, RecipeLimits) says so next to itself: the browser cuts a paste
     * longer than maxlength without a word (and the server would cut it too), so the person must be told.
     */
    function labelOf(input) {
        var label = document.querySelector('label[for="' + CSS.escape(input.id) + '"]');
        return label ? label.textContent.replace(/\*/g, '').trim() : 'This field';
    }

    function bounded(event) {
        var input = event.target;
        var field = input && input.closest ? input.closest('.ebr-field') : null;
        if (!field || !(input.maxLength > 0)) {
            return;
        }
        if (input.value.length > input.maxLength) {
            input.value = input.value.substring(0, input.maxLength);
        }
        var note = field.querySelector('.ebr-limit-note');
        if (!note) {
            note = document.createElement('span');
            note.className = 'ebr-limit-note';
            note.setAttribute('role', 'status');
            field.appendChild(note);
        }
        note.textContent = input.value.length >= input.maxLength
            ? labelOf(input) + ': at most ' + input.maxLength + ' characters; the text stops there.' : '';
    }

    document.addEventListener('input', bounded, true);

    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', function (event, xhr) {
            // after the guard's own handler, which counts a processed form as clean
            window.setTimeout(function () { sync(xhr); }, 0);
        });
    }
}());
