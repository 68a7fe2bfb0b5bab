/* rectrack's drafts: a form marked data-draft="name" is saved to this browser's localStorage as it is typed, and
   restored when the form is shown new (data-draft-restore), so that a closed tab or a lost connection loses nothing.
   A page marked data-draft-clear="name" (the one a recorded submission leads to) forgets the draft. Only enhances:
   without JavaScript the form works the same, without drafts. The CSRF token is never saved (a new page has its own). */
(function () {
  "use strict";
  var PREFIX = "rectrack-draft:";
  var SKIPPED = { "csrf-token": true, "action": true };

  function storage() {
    try { return window.localStorage; } catch (blocked) { return null; }
  }

  function save(form, store) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || SKIPPED[field.name] || field.type === "submit" || field.type === "button") { return; }
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) { return; }
      values[field.name] = field.value;
    });
    try { store.setItem(PREFIX + form.dataset.draft, JSON.stringify(values)); } catch (full) { /* nothing to keep it in */ }
  }

  function restore(form, store) {
    var saved = store.getItem(PREFIX + form.dataset.draft);
    if (!saved) { return; }
    var values;
    try { values = JSON.parse(saved); } catch (unreadable) { return; }
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || SKIPPED[field.name] || !Object.prototype.hasOwnProperty.call(values, field.name)) { return; }
      if (field.type === "radio" || field.type === "checkbox") {
        field.checked = field.value === values[field.name];
      } else if (field.type !== "submit" && field.type !== "button") {
        field.value = values[field.name];
      }
    });
  }

  function start() {
    var store = storage();
    if (!store) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("[data-draft-clear]"), function (marker) {
      store.removeItem(PREFIX + marker.dataset.draftClear);
    });
    Array.prototype.forEach.call(document.querySelectorAll("form[data-draft]"), function (form) {
      if (form.hasAttribute("data-draft-restore")) { restore(form, store); }
      var pending = null;
      var later = function () { clearTimeout(pending); pending = setTimeout(function () { save(form, store); }, 300); };
      form.addEventListener("input", later);
      form.addEventListener("change", later);
      // What htmx adds (a metric row) is saved as soon as it is typed in, like the rest.
      form.addEventListener("submit", function () { save(form, store); });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
