// The batch record's print button (CSP: no inline handlers). The print style sheet is in batch.css.
document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-ebr-print]") : null;
    if (button) {
        window.print();
    }
});
