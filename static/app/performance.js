// Performance dashboard: draws the trend chart from the table's data and follows a
// recalculation until it finishes. Without JavaScript the tables carry the same figures.
(function () {
  "use strict";
  var data = document.getElementById("trend-data");
  var canvas = document.getElementById("trend-chart");
  if (data && canvas && window.Chart) {
    var trend = JSON.parse(data.textContent);
    var colours = ["#1d70b8", "#00703c", "#d4351c", "#f47738", "#4c2c92", "#5694ca", "#912b88"];
    var datasets = Object.keys(trend.series).map(function (key, i) {
      return {
        label: trend.labels[key],
        data: trend.series[key],
        borderColor: colours[i % colours.length],
        backgroundColor: colours[i % colours.length],
        spanGaps: true,
        tension: 0
      };
    });
    new window.Chart(canvas, {
      type: "line",
      data: { labels: trend.years, datasets: datasets },
      options: {
        animation: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: "%" } } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  var status = document.getElementById("run-status");
  var url = status && status.getAttribute("data-run-url");
  if (url) {
    var progress = document.getElementById("run-progress");
    var poll = function () {
      fetch(url, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (run) {
          if (run.status === "done" || run.status === "failed") {
            window.location.replace(window.location.pathname + window.location.search.replace(/([?&])run=\d+&?/, "$1"));
            return;
          }
          if (progress) { progress.textContent = "Recalculating: " + run.status + "…"; }
          window.setTimeout(poll, 1000);
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    };
    poll();
  }
})();
