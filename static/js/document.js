/* The document page's 打印本页 button: shown only where scripts run (the print stylesheet
   works without it, from the browser's own print command). */
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
});
