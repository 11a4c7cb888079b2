// The senior page's charts: each test over time with, for the senior's age and sex at each result,
// the range the server grades against shaded (two-sided, or open below/above for the 3 m TUG and
// grip), the fall-risk cut-offs as dashed red lines, and "낮을수록 좋음" on timed tests; exercise
// sessions per week. Data comes from data-* attributes (escaped by the server). Legends in Korean.
(function () {
  'use strict';
  var UNITS = {count: '회', s: '초', kg: 'kg', cm: 'cm'};
  var RISK_COLOURS = {HIGH: '#c01c28', ELEVATED: '#e66100'};
  var big = window.matchMedia && window.matchMedia('(max-width: 800px)').matches ? 14 : 15;
  function num(v) { return v === undefined || v === null ? null : Number(v); }
  var box = document.getElementById('charts');
  if (box && window.Chart) {
    JSON.parse(box.dataset.charts || '[]').forEach(function (chart) {
      var wrap = document.createElement('div');
      wrap.className = 'chart-box';
      wrap.dataset.code = chart.code;
      var title = document.createElement('h3');
      title.textContent = chart.name + (chart.unit ? ' (' + (UNITS[chart.unit] || chart.unit) + ')' : '');
      if (chart.lowerIsBetter) {
        var lower = document.createElement('span');
        lower.className = 'lower-better';
        lower.textContent = '낮을수록 좋음 ↓';
        title.appendChild(document.createTextNode(' '));
        title.appendChild(lower);
      }
      var canvas = document.createElement('canvas');
      canvas.setAttribute('aria-label', chart.name);
      canvas.setAttribute('role', 'img');
      wrap.appendChild(title);
      var bands = chart.bands || [];
      if (bands.length) {
        var population = document.createElement('p');
        population.className = 'hint';
        population.textContent = '회색: ' + bands.join(' / ');
        wrap.appendChild(population);
      }
      var risks = chart.risks || [];
      if (risks.length) {
        var sources = document.createElement('p');
        sources.className = 'hint risk-sources';
        sources.textContent = '점선: ' + risks.map(function (r) { return r.label + ' (' + r.source + ')'; }).join(' / ');
        wrap.appendChild(sources);
      }
      wrap.appendChild(canvas);
      box.appendChild(wrap);
      var points = chart.points;
      var labels = points.map(function (p) { return p.date; });
      var hasLow = points.some(function (p) { return p.low !== undefined; });
      var hasHigh = points.some(function (p) { return p.high !== undefined; });
      var grey = 'rgba(120,120,120,0.45)', shade = 'rgba(150,150,150,0.25)';
      var datasets = [];
      var bandName = chart.lowerIsBetter ? '보통 범위 (아래쪽이 좋음)' : '보통 범위';
      if (hasLow && hasHigh) {
        datasets.push({label: '보통 범위 하한', data: points.map(function (p) { return num(p.low); }),
          borderColor: grey, pointRadius: 0, fill: false, borderWidth: 1, legend: false});
        datasets.push({label: bandName, data: points.map(function (p) { return num(p.high); }),
          borderColor: grey, backgroundColor: shade, pointRadius: 0, fill: '-1', borderWidth: 1});
      } else if (hasHigh) { // open below: the 3 m TUG, no slower than the reference's upper limit
        datasets.push({label: bandName, data: points.map(function (p) { return num(p.high); }),
          borderColor: grey, backgroundColor: shade, pointRadius: 0, fill: 'start', borderWidth: 1});
      } else if (hasLow) { // open above: grip, not below the low-strength cut-off
        datasets.push({label: '근력 저하 기준 이상', data: points.map(function (p) { return num(p.low); }),
          borderColor: grey, backgroundColor: shade, pointRadius: 0, fill: 'end', borderWidth: 1});
      }
      risks.forEach(function (risk) {
        var colour = RISK_COLOURS[risk.level] || '#c01c28';
        datasets.push({label: risk.label, data: points.map(function (p) { return p.risk ? num(p.risk[risk.flag]) : null; }),
          borderColor: colour, backgroundColor: colour, borderDash: [8, 5], borderWidth: 2, pointRadius: 0,
          fill: false, stepped: true, spanGaps: true, riskLine: true});
      });
      var hands = points.some(function (p) { return p.right !== undefined || p.left !== undefined; });
      datasets.push({label: chart.name + (hands ? ' (좋은 손, 평가 기준)' : ''),
        data: points.map(function (p) { return Number(p.value); }),
        borderColor: '#1a5fb4', backgroundColor: '#1a5fb4', pointRadius: 5, borderWidth: 3, fill: false});
      if (hands) {
        [['right', '오른손', '#8a4b00'], ['left', '왼손', '#613583']].forEach(function (h) {
          datasets.push({label: h[1], data: points.map(function (p) { return p[h[0]] === undefined ? null : Number(p[h[0]]); }),
            borderColor: h[2], backgroundColor: h[2], pointRadius: 3, borderWidth: 1, borderDash: [4, 3], fill: false,
            spanGaps: true});
        });
      }
      new Chart(canvas, {type: 'line', data: {labels: labels, datasets: datasets},
        options: {animation: false, maintainAspectRatio: false,
          plugins: {legend: {position: 'bottom', labels: {font: {size: big}, boxWidth: 28,
            filter: function (item, data) { return data.datasets[item.datasetIndex].legend !== false; }}}},
          scales: {x: {ticks: {font: {size: 13}, maxRotation: 0, autoSkipPadding: 12}},
            y: {ticks: {font: {size: 14}}}}}});
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
