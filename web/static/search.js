// The search page from the keyboard: "/" to the search box, arrows through the results,
// "+" or the right arrow to expand a collapsed issue family in place. No framework.
(function () {
  "use strict";

  function links() {
    return Array.prototype.slice.call(document.querySelectorAll("ol.results > li.result > a.title"));
  }

  function toggle(button, open) {
    var list = document.getElementById(button.getAttribute("aria-controls"));
    if (!list) return;
    var expand = open === undefined ? button.getAttribute("aria-expanded") !== "true" : open;
    button.setAttribute("aria-expanded", expand ? "true" : "false");
    list.hidden = !expand;
    var count = button.getAttribute("data-count");
    button.textContent = expand ? "Hide " + count + " similar" : "+" + count + " similar";
  }

  document.querySelectorAll("button.expand").forEach(function (button) {
    button.addEventListener("click", function () { toggle(button); });
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT");
    if (event.key === "/" && !typing) {
      event.preventDefault();
      var box = document.querySelector("input[name=q]");
      if (box) { box.focus(); box.select(); }
      return;
    }
    var all = links();
    if (!all.length) return;
    if (event.key === "ArrowDown" && (!typing || target.name === "q")) {
      event.preventDefault();
      var next = all.indexOf(document.activeElement) + 1;
      all[Math.min(next, all.length - 1)].focus();
      return;
    }
    var at = all.indexOf(document.activeElement);
    if (at < 0) return;
    var item = all[at].parentElement;
    var button = item.querySelector("button.expand");
    if (event.key === "ArrowUp") {
      event.preventDefault();
      if (at === 0) { document.querySelector("input[name=q]").focus(); } else { all[at - 1].focus(); }
    } else if (button && (event.key === "+" || event.key === "ArrowRight")) {
      event.preventDefault();
      toggle(button, true);
    } else if (button && (event.key === "-" || event.key === "ArrowLeft")) {
      event.preventDefault();
      toggle(button, false);
    }
  });
})();
