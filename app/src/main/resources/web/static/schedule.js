// The schedule editor's live preview: as the user types, asks the server (the same parser that saves) for the
// description, the next expected times and any error, and shows them. The page works without this script.
(function () {
  "use strict";
  var form = document.getElementById("schedule-form");
  if (!form) { return; }
  var url = form.getAttribute("data-preview-url");
  var error = document.getElementById("preview-error");
  var description = document.getElementById("preview-description");
  var next = document.getElementById("preview-next");
  var timer = null;
  var asked = 0;
  function update() {
    var params = new URLSearchParams(new FormData(form));
    params.delete("csrf");
    var mine = ++asked;
    fetch(url + "?" + params.toString(), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p || mine !== asked) { return; } // an older answer arriving late
        error.hidden = !p.error;
        error.textContent = p.error || "";
        description.textContent = p.description || "";
        while (next.firstChild) { next.removeChild(next.firstChild); }
        (p.next || []).forEach(function (t) {
          var li = document.createElement("li");
          li.textContent = t;
          next.appendChild(li);
        });
      })
      .catch(function () { /* the next keystroke tries again */ });
  }
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  }
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
})();
