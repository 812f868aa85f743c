// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    // After a refused submit, move focus to the error summary so screen readers announce it.
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
    // Error summary links move focus to their field.
    document.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("[data-error-summary] a[href^='#']");
        if (!link) {
            return;
        }
        var field = document.getElementById(link.getAttribute("href").slice(1));
        if (field) {
            event.preventDefault();
            field.focus();
        }
    });
})();
