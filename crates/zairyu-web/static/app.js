// zairyu — progressive enhancement only: every page works without this script.
// 1. Focus the error summary so screen readers hear the errors first.
// 2. The idle-timeout dialog (SPEC §2.5): 10 minutes before the session ends, offer OK (three more
//    hours) or Cancel (log out at the shown time).
// 3. Postal Code Address Search without reloading the page.
// 4. Conditional fields: the entry form's conditions (data-show-if, evaluated on the server first)
//    re-evaluated as the user answers, so the "Update the form" buttons are not needed.
// 5. Add to / Remove from Favorites as a dialog instead of a page of its own.
(function () {
  "use strict";
  var csrf = function () {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute("content") : "";
  };

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    setupConditions();
    if (summary && !summary.hidden) { summary.focus(); }
    setupTimeout();
    document.querySelectorAll("[data-print]").forEach(function (b) {
      b.addEventListener("click", function () { window.print(); });
    });
    setupPostal();
    setupDialogs();
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
    // `expires` is the server's deadline; `deadline` the same moment on this computer's clock, which
    // may be set differently (corrected from the Date header of each answer to OK).
    var deadline = expires;
    // The back office has its own session routes (data attributes on its body).
    var extendUrl = document.body.getAttribute("data-extend-url") || "/session/extend";
    var loginUrl = document.body.getAttribute("data-login-url") || "/login";
    var warnTimer = null, endTimer = null;
    var at = document.getElementById("timeout-at");
    function schedule() {
      clearTimeout(warnTimer); clearTimeout(endTimer);
      var now = Date.now();
      if (at) { at.textContent = jst(expires); }
      warnTimer = setTimeout(function () { if (!dialog.open) { dialog.showModal(); } }, Math.max(0, deadline - now - 10 * 60 * 1000));
      endTimer = setTimeout(function () {
        window.location.href = loginUrl + "?expired=1&next=" + encodeURIComponent(window.location.pathname + window.location.search);
      }, Math.max(0, deadline - now + 1000));
    }
    document.getElementById("timeout-ok").addEventListener("click", function () {
      fetch(extendUrl, { method: "POST", headers: { "X-CSRF-Token": csrf() }, credentials: "same-origin" })
        .then(function (r) {
          var serverNow = Date.parse(r.headers.get("Date") || "");
          return r.json().then(function (j) { return { j: j, serverNow: serverNow }; });
        })
        .then(function (x) {
          var j = x.j;
          if (j.expires_at) {
            expires = j.expires_at;
            deadline = isNaN(x.serverNow) ? expires : Date.now() + (expires - x.serverNow);
            schedule(); dialog.close();
          } else { window.location.href = loginUrl + "?expired=1"; }
        })
        .catch(function () { dialog.close(); });
    });
    document.getElementById("timeout-cancel").addEventListener("click", function () { dialog.close(); });
    schedule();
  }

  // Each button names its boxes (data-code, data-address, data-results: the entry forms); the user
  // information page's one uses the default ids.
  function setupPostal() {
    document.querySelectorAll("[data-postal-search]").forEach(function (button) {
      var code = document.getElementById(button.getAttribute("data-code") || "f-postal_code");
      var address = document.getElementById(button.getAttribute("data-address") || "f-address");
      var results = document.getElementById(button.getAttribute("data-results") || "postal-results");
      if (!code || !address || !results) { return; }
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
    });
  }

  // --- 4. Conditional fields ------------------------------------------------------------------
  // The server renders every section and field; one whose condition does not hold has `hidden`
  // and its inputs `disabled` (so they are neither sent nor focusable). A condition is JSON:
  //   {"field": name, "equals": v} | {"field": name, "in": [v…]} | {"field": name, "filled": bool}
  //   | {"all": [c…]} | {"any": [c…]} | {"not": c}
  // with names as the browser sends them (row-scoped references already resolved by the server to
  // "group[i].id"). As on the server, a field that is hidden counts as unanswered, so hiding cascades.

  function shown(el) { return !el.closest("[hidden]"); }

  // The non-blank values the form would send for `name`, from shown controls only.
  function valuesOf(form, name) {
    var out = [];
    var els = form.elements;
    for (var i = 0; i < els.length; i += 1) {
      var el = els[i];
      if (el.name !== name || !shown(el)) { continue; }
      if (el.type === "radio" || el.type === "checkbox") {
        if (!el.checked) { continue; }
      }
      var v = (el.value || "").trim();
      if (v !== "") { out.push(v); }
    }
    return out;
  }

  // The server's "filled": text typed, a choice made, the checkbox ticked, a date typed or marked
  // "all unknown", a group with a row in which anything is answered.
  function filled(form, name) {
    if (valuesOf(form, name).length) { return true; }
    if (valuesOf(form, name + ".unknown").indexOf("all") >= 0) { return true; }
    var prefix = name + "[";
    var els = form.elements;
    for (var i = 0; i < els.length; i += 1) {
      var el = els[i];
      if (!el.name || el.name.indexOf(prefix) !== 0 || !shown(el)) { continue; }
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) { continue; }
      var v = (el.value || "").trim();
      // A date's unknown-part choice alone does not make a row answered, except "all unknown".
      if (/\.unknown$/.test(el.name) ? v === "all" : v !== "") { return true; }
    }
    return false;
  }

  function holds(form, c) {
    if (!c || typeof c !== "object") { return true; }
    if (c.all) { return c.all.every(function (x) { return holds(form, x); }); }
    if (c.any) { return c.any.some(function (x) { return holds(form, x); }); }
    if (c.not) { return !holds(form, c.not); }
    if (Object.prototype.hasOwnProperty.call(c, "equals")) { return valuesOf(form, c.field).indexOf(c.equals) >= 0; }
    if (c["in"]) { return valuesOf(form, c.field).some(function (v) { return c["in"].indexOf(v) >= 0; }); }
    if (Object.prototype.hasOwnProperty.call(c, "filled")) { return filled(form, c.field) === c.filled; }
    return true;
  }

  function setupConditions() {
    var forms = document.querySelectorAll("form[data-conditions]");
    Array.prototype.forEach.call(forms, function (form) {
      var parts = [];
      Array.prototype.forEach.call(form.querySelectorAll("[data-show-if]"), function (el) {
        try { parts.push({ el: el, cond: JSON.parse(el.getAttribute("data-show-if")) }); } catch (e) { /* the server's judgement stands */ }
      });
      // The script decides from now on: "Update the form" is for pages without it.
      Array.prototype.forEach.call(form.querySelectorAll(".js-refresh"), function (b) { b.hidden = true; });
      if (!parts.length) { return; }
      var update = function () { applyConditions(form, parts); };
      form.addEventListener("change", update);
      form.addEventListener("input", update);
      window.addEventListener("pageshow", update);
      update();
    });
  }

  function applyConditions(form, parts) {
    // Conditions may read fields that other conditions hide (even later in the form); the
    // definitions have no cycles, so repeating until nothing changes settles in a few rounds.
    for (var round = 0; round < 64; round += 1) {
      var changed = false;
      for (var i = 0; i < parts.length; i += 1) {
        var show = holds(form, parts[i].cond);
        if (parts[i].el.hidden === show) { parts[i].el.hidden = !show; changed = true; }
      }
      if (!changed) { break; }
    }
    var els = form.querySelectorAll("input, select, textarea, button");
    for (var j = 0; j < els.length; j += 1) {
      var el = els[j];
      if (el.closest("[data-show-if]")) { el.disabled = !shown(el); }
    }
    // The error summary links only to fields on show.
    var summary = document.getElementById("error-summary");
    if (summary) {
      var any = false;
      Array.prototype.forEach.call(summary.querySelectorAll("li"), function (li) {
        var a = li.querySelector('a[href^="#"]');
        var target = a && document.getElementById(a.getAttribute("href").slice(1));
        li.hidden = !!(target && form.contains(target) && !shown(target));
        if (!li.hidden) { any = true; }
      });
      summary.hidden = !any;
    }
  }

  // --- 5. Confirmation dialogs (Favorites) --------------------------------------------------------
  // A link with data-dialog="id" opens that <dialog> instead of its confirmation page. The dialog's
  // form posts with fetch; the answer's page (after redirects) is then shown. If anything goes
  // wrong, the form is sent the ordinary way and the server answers as without the script.
  function setupDialogs() {
    Array.prototype.forEach.call(document.querySelectorAll("a[data-dialog]"), function (link) {
      var dialog = document.getElementById(link.getAttribute("data-dialog"));
      if (!dialog || typeof dialog.showModal !== "function") { return; }
      link.addEventListener("click", function (ev) {
        if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) { return; }
        ev.preventDefault();
        dialog.showModal();
      });
      // Escape (the dialog's own "cancel") and Back both close it; the focus goes back to the link.
      dialog.addEventListener("close", function () { link.focus(); });
      Array.prototype.forEach.call(dialog.querySelectorAll("[data-dialog-close]"), function (b) {
        b.addEventListener("click", function () { dialog.close(); });
      });
      var form = dialog.querySelector("form[data-dialog-form]");
      if (!form) { return; }
      var busy = false;
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        if (busy) { return; }
        busy = true;
        Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = true; });
        fetch(form.action, {
          method: "POST",
          headers: { "X-CSRF-Token": csrf() },
          credentials: "same-origin",
          redirect: "follow"
        })
          .then(function (r) {
            if (!r.ok) { throw new Error("HTTP " + r.status); }
            // Read the answer to the end first, so leaving the page does not cut it off.
            return r.text().then(function () { window.location.assign(r.url || window.location.href); });
          })
          .catch(function () { HTMLFormElement.prototype.submit.call(form); });
      });
    });
  }
})();

// --- 6. Calendar date picker (SPEC §6.2, §9.1) -----------------------------------------------------
// The WAI-ARIA APG "date picker dialog" pattern over the YYYYMMDD text boxes: a button beside each
// input[data-datepicker] opens the page's <dialog id="datepicker"> (templates/datepicker.html, its
// texts from Fluent) on the box's date, or today. In the grid: arrows move by day and week, Page
// Up/Down by month (Shift: year), Home/End to the week's start and end, Enter or Space (or a click)
// chooses; OK chooses the focused day; Escape or Cancel closes without choosing. The date is written
// as YYYYMMDD, an "input" and "change" event let the conditions above react, and the focus goes back
// to the button. Without this script (or <dialog>), the text boxes work as before.
(function () {
  "use strict";

  // Dates are whole days held as UTC midnights, so no time zone or summer time shifts them.
  function day(y, m, d) { return new Date(Date.UTC(y, m, d)); }
  function addDays(date, n) { return day(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + n); }
  // The same day n months on, or the month's last day when it has fewer (31 Jan + 1 month = 28/29 Feb).
  function addMonths(date, n) {
    var y = date.getUTCFullYear(), m = date.getUTCMonth() + n;
    var last = day(y, m + 1, 0).getUTCDate();
    return day(y, m, Math.min(date.getUTCDate(), last));
  }
  function sameDay(a, b) { return !!a && !!b && a.getTime() === b.getTime(); }
  function pad(n, w) { var s = String(n); while (s.length < w) { s = "0" + s; } return s; }
  function ymd(date) { return pad(date.getUTCFullYear(), 4) + pad(date.getUTCMonth() + 1, 2) + pad(date.getUTCDate(), 2); }

  // What the box holds as a date: eight digits (full-width ones too, and any separators), or null.
  function parse(value) {
    var digits = String(value || "").replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/[^0-9]/g, "");
    if (digits.length !== 8) { return null; }
    var y = +digits.slice(0, 4), m = +digits.slice(4, 6) - 1, d = +digits.slice(6, 8);
    var date = day(y, m, d);
    return date.getUTCFullYear() === y && date.getUTCMonth() === m && date.getUTCDate() === d ? date : null;
  }
  function today() { var n = new Date(); return day(n.getFullYear(), n.getMonth(), n.getDate()); }

  function labelOf(input) {
    return input.id ? document.querySelector('label[for="' + input.id + '"]') : null;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var dialog = document.getElementById("datepicker");
    if (!dialog || typeof dialog.showModal !== "function") { return; }
    var lang = document.documentElement.lang || "en";
    var fmt = function (opts) { opts.timeZone = "UTC"; return new Intl.DateTimeFormat(lang, opts); };
    var monthFmt = fmt({ year: "numeric", month: "long" });
    var fullFmt = fmt({ year: "numeric", month: "long", day: "numeric", weekday: "long" });
    var weekdayShort = fmt({ weekday: "short" });
    var weekdayLong = fmt({ weekday: "long" });
    var heading = document.getElementById("datepicker-month");
    var headRow = dialog.querySelector(".datepicker-grid thead tr");
    var body = dialog.querySelector(".datepicker-grid tbody");
    var openLabel = dialog.getAttribute("data-open-label") || "";

    // Weeks start on Sunday, as Japanese calendars do. 4 January 1970 was a Sunday.
    for (var w = 0; w < 7; w += 1) {
      var th = document.createElement("th");
      var sample = day(1970, 0, 4 + w);
      th.scope = "col";
      th.abbr = weekdayLong.format(sample);
      th.textContent = weekdayShort.format(sample);
      headRow.appendChild(th);
    }

    var input = null, opener = null, focused = null, selected = null;

    function cellFor(date) { return body.querySelector('td[data-date="' + ymd(date) + '"]'); }

    function render() {
      var first = day(focused.getUTCFullYear(), focused.getUTCMonth(), 1);
      var start = addDays(first, -first.getUTCDay());
      var now = today();
      heading.textContent = monthFmt.format(first);
      body.textContent = "";
      for (var r = 0, d = start; r < 6; r += 1) {
        // A sixth row only when the month reaches into it.
        if (r > 0 && d.getUTCMonth() !== first.getUTCMonth()) { break; }
        var tr = document.createElement("tr");
        for (var c = 0; c < 7; c += 1, d = addDays(d, 1)) {
          var td = document.createElement("td");
          if (d.getUTCMonth() === first.getUTCMonth()) {
            td.setAttribute("data-date", ymd(d));
            td.textContent = String(d.getUTCDate());
            td.setAttribute("aria-label", fullFmt.format(d));
            td.tabIndex = sameDay(d, focused) ? 0 : -1;
            td.setAttribute("aria-selected", sameDay(d, selected) ? "true" : "false");
            if (sameDay(d, now)) { td.setAttribute("aria-current", "date"); }
          }
          tr.appendChild(td);
        }
        body.appendChild(tr);
      }
    }

    // Moves the grid's focus to `date` (re-rendering when the month changes); takes the keyboard
    // focus along only when it was in the grid already.
    function moveTo(date, focusCell) {
      focused = date;
      render();
      if (focusCell) { cellFor(focused).focus(); }
    }

    function choose(date) {
      input.value = ymd(date);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
      dialog.close();
    }

    function open(forInput, button) {
      input = forInput; opener = button;
      selected = parse(input.value);
      focused = selected || today();
      render();
      dialog.showModal();
      cellFor(focused).focus();
    }

    dialog.addEventListener("close", function () { if (opener) { opener.focus(); } });

    body.addEventListener("keydown", function (ev) {
      if (!ev.target.hasAttribute || !ev.target.hasAttribute("data-date")) { return; }
      var next = null;
      switch (ev.key) {
        case "ArrowLeft": next = addDays(focused, -1); break;
        case "ArrowRight": next = addDays(focused, 1); break;
        case "ArrowUp": next = addDays(focused, -7); break;
        case "ArrowDown": next = addDays(focused, 7); break;
        case "Home": next = addDays(focused, -focused.getUTCDay()); break;
        case "End": next = addDays(focused, 6 - focused.getUTCDay()); break;
        case "PageUp": next = addMonths(focused, ev.shiftKey ? -12 : -1); break;
        case "PageDown": next = addMonths(focused, ev.shiftKey ? 12 : 1); break;
        case "Enter": case " ": ev.preventDefault(); choose(focused); return;
        default: return;
      }
      ev.preventDefault();
      moveTo(next, true);
    });
    body.addEventListener("click", function (ev) {
      var td = ev.target.closest ? ev.target.closest("td[data-date]") : null;
      if (td) { choose(parse(td.getAttribute("data-date"))); }
    });
    Array.prototype.forEach.call(dialog.querySelectorAll("[data-move]"), function (b) {
      b.addEventListener("click", function () { moveTo(addMonths(focused, parseInt(b.getAttribute("data-move"), 10)), false); });
    });
    dialog.querySelector("[data-datepicker-ok]").addEventListener("click", function () { choose(focused); });
    dialog.querySelector("[data-datepicker-cancel]").addEventListener("click", function () { dialog.close(); });

    Array.prototype.forEach.call(document.querySelectorAll("input[data-datepicker]"), function (field) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button-small datepicker-open";
      button.textContent = openLabel;
      // Named "Calendar", described by the field's label, so each of several buttons is told apart.
      var label = labelOf(field);
      if (label) {
        if (!label.id) { label.id = field.id + "-label"; }
        button.setAttribute("aria-describedby", label.id);
      }
      button.setAttribute("aria-haspopup", "dialog");
      // Inside the field's own wrapper, so a condition that hides or disables the field does the
      // same to its button (section 4 disables every button in a hidden part).
      button.disabled = field.disabled;
      var wrap = document.createElement("span");
      wrap.className = "date-with-picker";
      field.parentNode.insertBefore(wrap, field);
      wrap.appendChild(field);
      wrap.appendChild(button);
      button.addEventListener("click", function () { open(field, button); });
    });
  });
})();

// ---- My Number Card reading (routes/identity.rs): the waiting screen moves on by itself ----
// The element with data-identity-status names a URL answering {"waiting": bool}. While the code
// waits, ask every 2 seconds; once it does not (the phone answered, or the code ran out), reload:
// the server shows the next step, the refusal, or the entry screen. Without the script the
// "Check again" button does the same.
(function () {
  "use strict";
  var el = document.querySelector("[data-identity-status]");
  if (!el || typeof fetch !== "function") { return; }
  var url = el.getAttribute("data-identity-status");
  var stopped = false;
  function poll() {
    if (stopped) { return; }
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { waiting: true }; })
      .then(function (s) {
        if (s && s.waiting === false) {
          stopped = true;
          window.location.reload();
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
})();
