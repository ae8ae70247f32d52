/*
 * The monitors' dashboard. Figures come from the statistics API; the live stream says when
 * something changed (then everything is re-read, at most once a second) and brings each warning,
 * breach and escalation for the feed as it happens.
 */
'use strict';
(() => {
  const { t, el, api, live, throttle, time, name } = window.Screens;
  const FONT = "'Appeals Sans', sans-serif";
  const departments = new Map();
  const districts = new Map();
  const categories = new Map();
  let group = 'departments';
  const onTimeChart = echarts.init(document.getElementById('chart-on-time'), null, { renderer: 'canvas' });
  const ageingChart = echarts.init(document.getElementById('chart-ageing'), null, { renderer: 'canvas' });
  window.addEventListener('resize', () => { onTimeChart.resize(); ageingChart.resize(); });

  const pct = (v) => (v === null || v === undefined ? '–' : `${v.toFixed(1)}%`);
  const groupName = (id) => name(group === 'departments' ? departments.get(id) : districts.get(id)) || id;

  async function loadNames() {
    const [deps, catalog] = await Promise.all([api('/api/departments'), api('/api/catalog')]);
    deps.forEach((d) => departments.set(d.departmentId, d));
    catalog.districts.forEach((d) => districts.set(d.code, d));
    catalog.categories.forEach((c) => categories.set(c.code, c));
  }

  function setTile(id, value) {
    const figure = document.querySelector(`#${id} [data-figure]`);
    const text = String(value);
    if (figure.textContent !== text) {
      figure.textContent = text;
      figure.parentElement.classList.remove('flash');
      void figure.parentElement.offsetWidth; // restart the highlight
      figure.parentElement.classList.add('flash');
    }
  }

  async function refreshOverview() {
    const o = await api('/api/stats/overview');
    setTile('tile-open', o.open);
    setTile('tile-to-acknowledge', o.toAcknowledge);
    setTile('tile-due-today', o.dueToday);
    setTile('tile-about-to-breach', o.aboutToBreach);
    setTile('tile-breached', o.breached);
    setTile('tile-on-time', pct(o.onTimePct));
    ageingChart.setOption({
      textStyle: { fontFamily: FONT },
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      tooltip: {},
      xAxis: { type: 'category', data: o.ageing.map((b) => t(`age.${b.bucket}`)), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('appeals'), data: o.ageing.map((b) => b.count), itemStyle: { color: '#b45309' } }],
    });
  }

  async function refreshGroups() {
    const rows = await api(`/api/stats/${group}`);
    const tbody = document.querySelector('#group-table tbody');
    tbody.replaceChildren(...rows.filter((r) => r.received > 0).map((r) => el('tr', { 'data-group': r.group },
      el('td', { text: groupName(r.group) }), el('td', { class: 'num', text: r.received }), el('td', { class: 'num', text: r.open }),
      el('td', { class: 'num', text: pct(r.responseRate) }), el('td', { class: 'num', text: pct(r.resolutionRate) }),
      el('td', { class: 'num', text: pct(r.satisfactionRate) }), el('td', { class: 'num', text: pct(r.firstResponseOnTimePct) }),
      el('td', { class: 'num', text: pct(r.resolutionOnTimePct) }), el('td', { class: 'num', text: r.breaches }))));
    if (group === 'departments') drawOnTime(rows);
  }

  function drawOnTime(rows) {
    const decided = rows.filter((r) => r.firstResponseOnTimePct !== null || r.resolutionOnTimePct !== null)
      .sort((a, b) => b.received - a.received).slice(0, 15).reverse();
    onTimeChart.setOption({
      textStyle: { fontFamily: FONT },
      title: { show: decided.length === 0, text: t('noneDecided'), left: 'center', top: 'middle',
        textStyle: { color: '#6b7280', fontSize: 14, fontWeight: 'normal', fontFamily: FONT } },
      grid: { left: 150, right: 24, top: 28, bottom: 24 },
      legend: { top: 0, textStyle: { fontFamily: FONT } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: decided.map((r) => groupName(r.group)), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        { type: 'bar', name: t('clock.FIRST_RESPONSE'), data: decided.map((r) => r.firstResponseOnTimePct), itemStyle: { color: '#2563eb' } },
        { type: 'bar', name: t('clock.RESOLUTION'), data: decided.map((r) => r.resolutionOnTimePct), itemStyle: { color: '#15803d' } },
      ],
    });
  }

  async function refreshHotspots() {
    const spots = await api('/api/hotspots');
    const list = document.getElementById('hotspots');
    const flagged = spots.filter((s) => s.flagged);
    list.replaceChildren(...flagged.map((s) => el('li', { class: 'hotspot',
      text: t('hotspot', name(districts.get(s.district)) || s.district, name(categories.get(s.category)) || s.category, s.count, s.windowDays) })));
    document.getElementById('hotspots-empty').hidden = flagged.length > 0;
  }

  const monthInput = document.getElementById('report-month');
  async function refreshReport() {
    const month = monthInput.value;
    if (!month) return;
    document.getElementById('report-csv').href = `/api/reports/monthly?month=${month}&format=csv`;
    document.getElementById('report-xlsx').href = `/api/reports/monthly?month=${month}&format=xlsx`;
    const report = await api(`/api/reports/monthly?month=${month}`);
    const row = (r) => el('tr', {},
      el('td', { class: 'num', text: r.rank === null ? t('unranked') : r.rank }),
      el('td', { text: name(departments.get(r.departmentId)) || r.name || r.departmentId }),
      el('td', { class: 'num', text: r.figures.received }),
      el('td', { class: 'num', text: pct(r.figures.firstResponseOnTimePct) }),
      el('td', { class: 'num', text: pct(r.figures.resolutionOnTimePct) }),
      el('td', { class: 'num', text: pct(r.figures.satisfactionRate) }),
      el('td', { text: Object.entries(r.failings).filter(([, n]) => n > 0).map(([k, n]) => `${t(`failing.${k}`)} ${n}`).join(', ') || t('none') }));
    document.querySelector('#report-table tbody').replaceChildren(...report.ranked.map(row), ...report.unranked.map(row));
  }

  function addAlert(alert, prepend) {
    const e = alert.event;
    const feed = document.getElementById('alert-feed');
    const kind = e.type === 'SLA_WARNING' ? 'warning' : e.type === 'SLA_BREACHED' ? 'breached' : 'escalated';
    const item = el('li', { class: `alert ${kind}`, 'data-type': e.type, 'data-appeal-id': alert.appealId },
      el('time', { text: time(e.at) }),
      el('div', { class: 'what' },
        el('b', { text: `${t(`event.${e.type}`)}${e.slaClock ? ' · ' + t(`clock.${e.slaClock}`) : ''}` }),
        el('span', { text: name(departments.get(alert.departmentId)) || alert.departmentId || '' }),
        alert.trackingNumber ? el('span', { class: 'mono', text: alert.trackingNumber }) : null,
        e.escalatedTo ? el('span', { text: `${t('escalatedTo')} ${e.escalatedTo}` }) : null));
    if (prepend) feed.prepend(item); else feed.append(item);
    while (feed.children.length > 100) feed.lastChild.remove();
    document.getElementById('alert-feed-empty').hidden = true;
  }

  const refresh = throttle(() => {
    refreshOverview().catch(console.error);
    refreshGroups().catch(console.error);
    refreshHotspots().catch(console.error);
    refreshReport().catch(console.error);
  }, 1000);

  document.querySelectorAll('.segmented button').forEach((button) => button.addEventListener('click', () => {
    group = button.dataset.group;
    document.querySelectorAll('.segmented button').forEach((b) => b.classList.toggle('current', b === button));
    refreshGroups().catch(console.error);
  }));
  monthInput.addEventListener('change', () => refreshReport().catch(console.error));

  loadNames().then(() => {
    monthInput.value = new Date(window.Screens.now() + 8 * 3600 * 1000).toISOString().slice(0, 7);
    refresh();
    live('/api/live/dashboard', {
      changed: refresh,
      alert: (alert) => addAlert(alert, true),
      recent: (alerts) => { document.getElementById('alert-feed').replaceChildren(); alerts.forEach((a) => addAlert(a, false)); },
    });
  }).catch(console.error);
})();
