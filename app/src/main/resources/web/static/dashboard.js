// Keeps the dashboard's status and last-ping cells current without a reload: polls the page's JSON every few
// seconds (only while the tab is visible) and updates the rows it knows. The page works without this script.
(function () {
  "use strict";
  var table = document.getElementById("checks");
  if (!table) { return; }
  var url = table.getAttribute("data-status-url");
  function refresh() {
    if (document.hidden) { return; }
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        data.checks.forEach(function (c) {
          var row = document.getElementById("check-" + c.id);
          if (!row) { return; }
          var badge = row.querySelector(".status");
          badge.textContent = c.status;
          badge.className = "status status-" + c.status;
          row.querySelector(".last-ping").textContent = c.last_ping;
        });
      })
      .catch(function () { /* the next round tries again */ });
  }
  setInterval(refresh, 3000);
})();
