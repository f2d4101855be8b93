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

  // An htmx request refused (over the rate limit, a read-only link, the service down): htmx swaps nothing, so say
  // why beside what was pressed, with the error page's own sentence (its language, the wait), never its markup.
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var page = new DOMParser().parseFromString((xhr && xhr.responseText) || "", "text/html");
    var said = page.querySelector("main #upload-error, main .lead");
    var elt = event.detail.elt;
    if (!said || !elt || !elt.isConnected) {
      return;
    }
    var box = document.getElementById("request-error") || document.createElement("p");
    box.id = "request-error";
    box.className = "alert alert-danger mt-2 request-error";
    box.setAttribute("role", "alert");
    box.textContent = said.textContent.trim();
    elt.insertAdjacentElement("afterend", box);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var box = document.getElementById("request-error");
    if (box && event.detail.successful) {
      box.remove();
    }
  });

  // Phones: the header's navigation folds behind the "Menu" button (without JavaScript it stays open).
  var menuToggle = document.getElementById("site-menu-toggle");
  var siteNav = document.getElementById("site-nav");
  if (menuToggle && siteNav) {
    menuToggle.addEventListener("click", function () {
      var show = menuToggle.getAttribute("aria-expanded") !== "true";
      menuToggle.setAttribute("aria-expanded", String(show));
      siteNav.classList.toggle("is-open", show);
    });
  }

  // Filters in an off-canvas dialog on small screens. The opener ([data-drawer-open]) shows the drawer as a modal
  // dialog: everything else is inert, Tab cycles inside, Escape or the close button puts the boxes back as they
  // were and closes, "Mostra i risultati" applies them (one search, not one per box), focus returns to the opener.
  // On large screens, or without JavaScript, the same element is an ordinary sidebar / section.
  var small = window.matchMedia("(max-width: 991.98px)");
  var drawer = null; // {el, openerId, inerted, saved, backdrop}
  var FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), " +
    "textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

  function tabbable(root) {
    return Array.prototype.filter.call(root.querySelectorAll(FOCUSABLE), function (el) {
      return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    });
  }

  function openDrawer(el, opener) {
    var inerted = [];
    for (var node = el; node.parentElement && node !== document.body; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
        if (sibling !== node && !sibling.inert && sibling.tagName !== "SCRIPT") {
          sibling.inert = true;
          inerted.push(sibling);
        }
      });
    }
    var backdrop = document.createElement("div");
    backdrop.className = "drawer-backdrop";
    backdrop.addEventListener("click", function () { closeDrawer(false); });
    document.body.appendChild(backdrop);
    drawer = {
      el: el,
      openerId: opener.id,
      inerted: inerted,
      backdrop: backdrop,
      saved: Array.prototype.map.call(el.querySelectorAll("input[type=checkbox], input[type=radio]"), function (box) {
        return [box, box.checked];
      })
    };
    el.classList.add("is-open");
    el.setAttribute("role", "dialog");
    el.setAttribute("aria-modal", "true");
    el.setAttribute("aria-labelledby", el.getAttribute("data-drawer-label"));
    document.body.classList.add("drawer-open");
    opener.setAttribute("aria-expanded", "true");
    var heading = document.getElementById(el.getAttribute("data-drawer-label"));
    (heading || tabbable(el)[0] || el).focus();
  }

  function closeDrawer(apply) {
    if (!drawer) {
      return;
    }
    var d = drawer;
    drawer = null;
    if (!apply) {
      d.saved.forEach(function (pair) { pair[0].checked = pair[1]; });
    }
    d.inerted.forEach(function (el) { el.inert = false; });
    d.backdrop.remove();
    d.el.classList.remove("is-open");
    ["role", "aria-modal", "aria-labelledby"].forEach(function (name) { d.el.removeAttribute(name); });
    document.body.classList.remove("drawer-open");
    var opener = document.getElementById(d.openerId);
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    var opener = target.closest("[data-drawer-open]");
    if (opener && small.matches) {
      var el = document.getElementById(opener.getAttribute("data-drawer-open"));
      if (el && !drawer) {
        event.preventDefault();
        openDrawer(el, opener);
      }
      return;
    }
    if (target.closest("[data-drawer-close]")) {
      closeDrawer(false);
    } else if (target.closest("[data-drawer-apply]")) {
      closeDrawer(true); // the button then submits the form as usual (htmx or a full load)
    }
  });

  document.addEventListener("keydown", function (event) {
    if (!drawer) {
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      closeDrawer(false);
    } else if (event.key === "Tab") {
      var items = tabbable(drawer.el);
      if (!items.length) {
        return;
      }
      var first = items[0];
      var last = items[items.length - 1];
      if (event.shiftKey && (document.activeElement === first || !drawer.el.contains(document.activeElement))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  });

  // Inside the open drawer a ticked box waits for "Mostra i risultati" instead of searching at once.
  document.addEventListener("htmx:confirm", function (event) {
    if (drawer && drawer.el.contains(event.target)) {
      event.preventDefault();
    }
  });

  // Turned to a large screen: the drawer is a sidebar again.
  small.addEventListener("change", function () {
    if (!small.matches) {
      closeDrawer(false);
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
