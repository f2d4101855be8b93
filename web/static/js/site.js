/* LGNet site: the little the pages need beyond htmx. Everything works without it. */
(function () {
  "use strict";

  // Hints that only hold with JavaScript (results that update as one types) show only when it runs.
  document.documentElement.classList.add("js");

  // After live results replace the list, keep focus sensible: if the element that had focus is gone
  // (a page number, a removed filter), move it to the results heading, which also scrolls there.
  document.addEventListener("htmx:afterSettle", function () {
    // "Aggiungi al dossier" was replaced by its confirmation: focus its link, where the button was.
    var next = document.querySelector("[data-focus-after-swap]");
    if (next) {
      next.removeAttribute("data-focus-after-swap");
      next.focus();
      return;
    }
    var active = document.activeElement;
    if (!active || active === document.body || !document.body.contains(active)) {
      var heading = document.getElementById("results-heading");
      if (heading) {
        heading.focus();
      }
    }
  });

  // A document opened with ?passage= but no #anchor still shows the passage found.
  document.addEventListener("DOMContentLoaded", function () {
    var current = document.querySelector(".passage-current");
    if (current && !window.location.hash) {
      current.scrollIntoView({ block: "start" });
    }
  });
})();
