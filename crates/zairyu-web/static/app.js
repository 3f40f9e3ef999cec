// zairyu — progressive enhancement only: every page works without this script.
// 1. Focus the error summary so screen readers hear the errors first.
// 2. The idle-timeout dialog (SPEC §2.5): 10 minutes before the session ends, offer OK (three more
//    hours) or Cancel (log out at the shown time).
// 3. Postal Code Address Search without reloading the page.
(function () {
  "use strict";
  var csrf = function () {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute("content") : "";
  };

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
    setupTimeout();
    setupPostal();
  });

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function jst(ms) {
    var d = new Date(ms + 9 * 3600 * 1000);
    return d.getUTCFullYear() + "/" + pad(d.getUTCMonth() + 1) + "/" + pad(d.getUTCDate()) + " " + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
  }

  function setupTimeout() {
    var expires = parseInt(document.body.getAttribute("data-session-expires") || "0", 10);
    var dialog = document.getElementById("timeout-dialog");
    if (!expires || !dialog || typeof dialog.showModal !== "function") { return; }
    var warnTimer = null, endTimer = null;
    var at = document.getElementById("timeout-at");
    function schedule() {
      clearTimeout(warnTimer); clearTimeout(endTimer);
      var now = Date.now();
      if (at) { at.textContent = jst(expires); }
      warnTimer = setTimeout(function () { if (!dialog.open) { dialog.showModal(); } }, Math.max(0, expires - now - 10 * 60 * 1000));
      endTimer = setTimeout(function () {
        window.location.href = "/login?expired=1&next=" + encodeURIComponent(window.location.pathname + window.location.search);
      }, Math.max(0, expires - now + 1000));
    }
    document.getElementById("timeout-ok").addEventListener("click", function () {
      fetch("/session/extend", { method: "POST", headers: { "X-CSRF-Token": csrf() }, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (j) {
          if (j.expires_at) { expires = j.expires_at; schedule(); dialog.close(); }
          else { window.location.href = "/login?expired=1"; }
        })
        .catch(function () { dialog.close(); });
    });
    document.getElementById("timeout-cancel").addEventListener("click", function () { dialog.close(); });
    schedule();
  }

  function setupPostal() {
    var button = document.querySelector("[data-postal-search]");
    var code = document.getElementById("f-postal_code");
    var address = document.getElementById("f-address");
    var results = document.getElementById("postal-results");
    if (!button || !code || !address || !results) { return; }
    button.addEventListener("click", function (ev) {
      ev.preventDefault();
      var digits = code.value.replace(/[^0-9０-９]/g, "");
      fetch("/postal/" + encodeURIComponent(digits), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (j) {
          results.textContent = "";
          var list = j.addresses || [];
          if (list.length === 1) { address.value = list[0]; address.focus(); return; }
          if (list.length === 0) { results.textContent = button.getAttribute("data-none") || "—"; return; }
          list.forEach(function (a) {
            var b = document.createElement("button");
            b.type = "button"; b.className = "button-link"; b.textContent = a;
            b.addEventListener("click", function () { address.value = a; results.textContent = ""; address.focus(); });
            results.appendChild(b);
          });
        })
        .catch(function () {
          // Without the script's answer, the server does the search (keeping action=postal-search).
          if (button.form.requestSubmit) { button.form.requestSubmit(button); } else { button.form.submit(); }
        });
    });
  }
})();
