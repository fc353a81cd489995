/* Administration screens: a one-time password, or the account just chosen, is brought to where the
   administrator is looking, once per page load or Ajax answer (no inline scripts: CSP). */
(function () {
    'use strict';

    /* on a page load the chosen account (users.xhtml?user=) too; after an Ajax answer only a new one-time password */
    function bringIntoView(pageLoad) {
        var target = document.querySelector('.ebr-one-time-password') || (pageLoad ? document.querySelector('.ebr-scroll-here') : null);
        if (!target || target.getAttribute('data-ebr-shown') === 'true') {
            return;
        }
        target.setAttribute('data-ebr-shown', 'true');
        target.scrollIntoView({block: 'center'});
        if (target.classList.contains('ebr-one-time-password')) {
            target.focus({preventScroll: true});
        }
    }

    document.addEventListener('DOMContentLoaded', function () { bringIntoView(true); });
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', function () {
            // after PrimeFaces has replaced the updated parts of the page
            window.setTimeout(function () { bringIntoView(false); }, 0);
        });
    }
})();
