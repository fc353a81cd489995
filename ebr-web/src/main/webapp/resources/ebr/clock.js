/*
 * The header clock shows the SERVER's time in the site time zone and keeps ticking while the page is
 * open. The client's clock is not trusted for the time, only for how much time has passed: the
 * offset between the server's instant at render time (data-instant) and the client's clock at load is
 * added to every tick. The text has the server's format: 2026-07-01 10:15:30 CEST (Europe/Berlin).
 * Included once by the template; no inline script (CSP).
 */
(function () {
    'use strict';

    function start() {
        var clock = document.getElementById('site-time');
        if (!clock || !clock.getAttribute('data-instant') || !window.Intl) {
            return; // the server-rendered text stays
        }
        var zone = clock.getAttribute('data-zone');
        var offset = Number(clock.getAttribute('data-instant')) - Date.now();
        var format;
        try {
            format = new Intl.DateTimeFormat('en-GB', {
                timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
                minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short'
            });
        } catch (unknownZone) {
            return;
        }
        function tick() {
            var parts = {};
            format.formatToParts(new Date(Date.now() + offset)).forEach(function (part) {
                parts[part.type] = part.value;
            });
            clock.textContent = parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':'
                + parts.minute + ':' + parts.second + ' ' + parts.timeZoneName + ' (' + zone + ')';
        }
        tick();
        // tick just after each full second of server time
        window.setTimeout(function () {
            tick();
            window.setInterval(tick, 1000);
        }, 1000 - ((Date.now() + offset) % 1000) + 20);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
