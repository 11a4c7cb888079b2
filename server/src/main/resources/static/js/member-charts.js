// The senior page's charts: each test over time with the normal band for the senior's age and sex
// shaded, and exercise sessions per week. Data comes from data-* attributes (escaped by the server).
(function () {
  'use strict';
  var UNITS = {count: '회', s: '초', kg: 'kg', cm: 'cm'};
  var box = document.getElementById('charts');
  if (box && window.Chart) {
    JSON.parse(box.dataset.charts || '[]').forEach(function (chart) {
      var wrap = document.createElement('div');
      wrap.className = 'chart-box';
      var title = document.createElement('h3');
      title.textContent = chart.name + (chart.unit ? ' (' + (UNITS[chart.unit] || chart.unit) + ')' : '');
      var canvas = document.createElement('canvas');
      canvas.setAttribute('aria-label', chart.name);
      wrap.appendChild(title);
      var bands = chart.bands || [];
      if (bands.length) {
        var population = document.createElement('p');
        population.className = 'hint';
        population.textContent = '회색 띠: ' + bands.join(' / ');
        wrap.appendChild(population);
      }
      wrap.appendChild(canvas);
      box.appendChild(wrap);
      var labels = chart.points.map(function (p) { return p.date; });
      var hasBand = chart.points.some(function (p) { return p.low !== undefined; });
      var datasets = [];
      if (hasBand) {
        datasets.push({label: '보통 범위 하한', data: chart.points.map(function (p) { return p.low ?? null; }),
          borderColor: 'rgba(120,120,120,0.4)', pointRadius: 0, fill: false, borderWidth: 1});
        datasets.push({label: '보통 범위' + (bands.length ? ' (' + bands[bands.length - 1] + ')' : ''), data: chart.points.map(function (p) { return p.high ?? null; }),
          borderColor: 'rgba(120,120,120,0.4)', backgroundColor: 'rgba(150,150,150,0.25)', pointRadius: 0,
          fill: '-1', borderWidth: 1});
      }
      var hands = chart.points.some(function (p) { return p.right !== undefined || p.left !== undefined; });
      datasets.push({label: chart.name + (hands ? ' (좋은 손, 평가 기준)' : ''),
        data: chart.points.map(function (p) { return Number(p.value); }),
        borderColor: '#1a5fb4', backgroundColor: '#1a5fb4', pointRadius: 5, borderWidth: 3, fill: false});
      if (hands) {
        [['right', '오른손', '#c64600'], ['left', '왼손', '#613583']].forEach(function (h) {
          datasets.push({label: h[1], data: chart.points.map(function (p) { return p[h[0]] === undefined ? null : Number(p[h[0]]); }),
            borderColor: h[2], backgroundColor: h[2], pointRadius: 3, borderWidth: 1, borderDash: [4, 3], fill: false,
            spanGaps: true});
        });
      }
      new Chart(canvas, {type: 'line', data: {labels: labels, datasets: datasets},
        options: {animation: false, maintainAspectRatio: false,
          plugins: {legend: {labels: {font: {size: 16}}}},
          scales: {x: {ticks: {font: {size: 14}}}, y: {ticks: {font: {size: 14}}}}}});
    });
  }
  var exercise = document.getElementById('exercise');
  if (exercise && window.Chart) {
    var weeks = JSON.parse(exercise.dataset.weeks || '{}');
    new Chart(exercise, {type: 'bar', data: {labels: Object.keys(weeks),
      datasets: [{label: '운동 횟수', data: Object.values(weeks), backgroundColor: '#26a269'}]},
      options: {animation: false, maintainAspectRatio: false, scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}});
  }
})();
