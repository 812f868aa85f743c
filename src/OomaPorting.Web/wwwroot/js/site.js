// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";

    // After a refused submit, move focus to the error summary so screen readers announce it; after a done action,
    // to its confirmation (a status region present at load is not announced by every screen reader).
    var summary = document.querySelector("[data-error-summary]") || document.querySelector("[data-confirmation]");
    if (summary) {
        summary.focus();
    }

    document.addEventListener("click", function (event) {
        // Error summary links move focus to their field.
        var link = event.target.closest && event.target.closest("[data-error-summary] a[href^='#']");
        if (link) {
            var field = document.getElementById(link.getAttribute("href").slice(1));
            if (field) {
                event.preventDefault();
                field.focus();
            }
        }
    });

    // Forms that destroy something ask first.
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            if (!window.confirm(form.getAttribute("data-confirm"))) {
                event.preventDefault();
            }
        });
    });

    // The optional drawn signature: shown only when scripts run; keyboard users skip it, the typed name suffices.
    var pad = document.querySelector("[data-signature-pad]");
    if (pad) {
        var canvas = pad.querySelector("canvas");
        var input = pad.querySelector("input[type=hidden]");
        var context = canvas.getContext("2d");
        var drawing = false;
        var drawn = false;
        pad.hidden = false;
        context.lineWidth = 2.5;
        context.lineCap = "round";
        context.strokeStyle = "#0b0c0c";
        var point = function (e) {
            var box = canvas.getBoundingClientRect();
            return { x: (e.clientX - box.left) * canvas.width / box.width, y: (e.clientY - box.top) * canvas.height / box.height };
        };
        canvas.addEventListener("pointerdown", function (e) {
            drawing = true;
            var p = point(e);
            context.beginPath();
            context.moveTo(p.x, p.y);
            canvas.setPointerCapture(e.pointerId);
        });
        canvas.addEventListener("pointermove", function (e) {
            if (!drawing) { return; }
            var p = point(e);
            context.lineTo(p.x, p.y);
            context.stroke();
            drawn = true;
        });
        var finish = function () {
            if (drawing && drawn) { input.value = canvas.toDataURL("image/png"); }
            drawing = false;
        };
        canvas.addEventListener("pointerup", finish);
        canvas.addEventListener("pointercancel", finish);
        pad.querySelector("[data-signature-clear]").addEventListener("click", function () {
            context.clearRect(0, 0, canvas.width, canvas.height);
            input.value = "";
            drawn = false;
        });
    }
})();

// Questions that only matter for some answers (ADSL's shared line, the dry-line notice) show only then.
// Without scripts every question is shown, and the server ignores the ones that do not apply.
(function () {
    "use strict";
    var blocks = document.querySelectorAll("[data-show-when]");
    if (!blocks.length) {
        return;
    }
    var matches = function (rule) {
        if (!rule) { return true; }
        var parts = rule.split("=");
        var checked = document.querySelector("input[name='" + parts[0] + "']:checked");
        return !!checked && parts[1].split("|").indexOf(checked.value) >= 0;
    };
    var update = function () {
        blocks.forEach(function (block) {
            block.hidden = !(matches(block.getAttribute("data-show-when")) && matches(block.getAttribute("data-show-also")));
        });
    };
    document.addEventListener("change", update);
    update();
})();

// Field messages as the user leaves a field: the validators' own rules and messages (data-val-*, in the page's
// language), checked by aspnet-client-validation. The server stays the authority: a submit always goes to it, and
// it answers with the error summary and the focus on it, as without scripts.
(function () {
    "use strict";
    if (!window.aspnetValidation) {
        return;
    }

    var service = new window.aspnetValidation.ValidationService();
    service.ValidationMessageCssClassName = "field-validation-error";
    service.debounce = 0;
    service.preValidate = function () { };
    service.handleValidated = function () { };
    service.bootstrap();

    // A field the library marks invalid is announced as such; one it clears is no longer.
    var sync = function (input) {
        if (input.classList.contains("input-validation-error")) {
            input.setAttribute("aria-invalid", "true");
        } else {
            input.removeAttribute("aria-invalid");
        }
    };
    var observer = new MutationObserver(function (changes) {
        changes.forEach(function (change) { sync(change.target); });
    });
    document.querySelectorAll("[data-val=true]").forEach(function (input) {
        observer.observe(input, { attributes: true, attributeFilter: ["class"] });
    });
})();
