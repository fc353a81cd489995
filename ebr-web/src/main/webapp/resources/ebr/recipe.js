/*
 * The recipe designer keeps its working copy on the server between saves: a command such as "add
 * step" sends the form (and so passes the guard's "submitted" test) without saving the draft. After
 * each Ajax answer the page's unsaved state is therefore what the server says (the data-dirty flag of
 * #designer-state): dirty until the draft is saved or the changes are discarded. What was typed since
 * the last answer the guard itself (guard.js) notices. No inline script (CSP).
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

    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', function (event, xhr) {
            // after the guard's own handler, which counts a processed form as clean
            window.setTimeout(function () { sync(xhr); }, 0);
        });
    }
}());
