/*
 * Unsaved changes (STYLE.md: a signature is never offered for unsaved content):
 * - a form with class "ebr-guarded" becomes dirty when the person changes one of its fields;
 * - while any guarded form on the page is dirty, elements with class "ebr-needs-saved" (e.g. a sign
 *   button) are disabled, the body has class "ebr-unsaved-edits" (for notes like "save first") and
 *   leaving the page asks first;
 * - the form is clean again after it was submitted: a plain submit, or an Ajax request that processed
 *   the form and passed validation (the form's values are then in the model; screens whose "save" is
 *   a separate step call ebr.guard.dirty(formId) in the button's oncomplete to keep it dirty).
 * Included once by the template; no inline script (CSP).
 */
(function () {
    'use strict';

    var dirty = {};      // form id -> true while it has unsaved edits (survives the form's Ajax re-render)
    var leaving = false; // a plain submit of a guarded form is underway: no warning for that

    function guardedForm(element) {
        var form = element && element.closest ? element.closest('form.ebr-guarded') : null;
        return form && form.id ? form : null;
    }

    function anyDirty() {
        for (var id in dirty) {
            if (dirty[id]) {
                return true;
            }
        }
        return false;
    }

    function apply() {
        var unsaved = anyDirty();
        document.body.classList.toggle('ebr-unsaved-edits', unsaved);
        var forms = document.querySelectorAll('form.ebr-guarded');
        for (var f = 0; f < forms.length; f++) {
            forms[f].classList.toggle('ebr-dirty', !!dirty[forms[f].id]);
        }
        var needing = document.querySelectorAll('.ebr-needs-saved');
        for (var i = 0; i < needing.length; i++) {
            var element = needing[i];
            var controls = element.matches('button, input, select, textarea') ? [element]
                : element.querySelectorAll('button, input, select, textarea');
            for (var c = 0; c < controls.length; c++) {
                controls[c].disabled = unsaved;
            }
            element.classList.toggle('ui-state-disabled', unsaved);
            if (unsaved) {
                element.setAttribute('aria-disabled', 'true');
                element.setAttribute('title', 'Save your changes first');
            } else {
                element.removeAttribute('aria-disabled');
                element.removeAttribute('title');
            }
        }
    }

    function setDirty(formId, value) {
        dirty[formId] = value;
        apply();
    }

    function edited(event) {
        var form = guardedForm(event.target);
        if (form && !event.target.classList.contains('ebr-not-guarded') && !dirty[form.id]) {
            setDirty(form.id, true);
        }
    }

    document.addEventListener('input', edited, true);
    document.addEventListener('change', edited, true);
    document.addEventListener('submit', function (event) {
        if (event.target.classList && event.target.classList.contains('ebr-guarded')) {
            leaving = true;
        }
    }, true);
    window.addEventListener('beforeunload', function (event) {
        if (anyDirty() && !leaving) {
            event.preventDefault();
            event.returnValue = '';
        }
    });
    window.addEventListener('pageshow', function () {
        leaving = false;
    });

    function processed(settings) {
        var data = settings && typeof settings.data === 'string' ? settings.data : '';
        var match = /(?:^|&)jakarta\.faces\.partial\.execute=([^&]*)/.exec(data);
        return match ? decodeURIComponent(match[1].replace(/\+/g, ' ')).split(' ') : [];
    }

    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', function (event, xhr, settings) {
            var failed = xhr && xhr.pfArgs && xhr.pfArgs.validationFailed;
            if (!failed) {
                var ids = processed(settings);
                for (var id in dirty) {
                    if (dirty[id] && (ids.indexOf(id) >= 0 || ids.indexOf('@all') >= 0)) {
                        dirty[id] = false;
                    }
                }
            }
            apply(); // re-rendered buttons come back enabled: disable them again
        });
    }

    window.ebr = window.ebr || {};
    window.ebr.guard = {
        dirty: function (formId) { setDirty(formId, true); },
        clean: function (formId) { setDirty(formId, false); },
        isDirty: function (formId) { return formId ? !!dirty[formId] : anyDirty(); }
    };

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', apply);
    } else {
        apply();
    }
}());
