/*
 * A department's queue, most urgent first as the API orders it. The time left is counted down
 * here on the business clock and coloured by urgency; the live stream says when to re-read.
 */
'use strict';
(() => {
  const { t, el, api, live, throttle, time, duration, now } = window.Screens;
  const department = document.body.dataset.departmentId;
  let entries = [];

  function urgencyOf(entry) {
    if (!entry.nextDueAt) return entry.urgency || 'NONE';
    const left = Date.parse(entry.nextDueAt) - now();
    if (left <= 0) return 'BREACHED';
    if (entry.warnAt && Date.parse(entry.warnAt) <= now()) return 'WARNING';
    return entry.urgency === 'BREACHED' ? 'BREACHED' : entry.urgency === 'WARNING' ? 'WARNING' : 'ON_TRACK';
  }

  function timeLeft(entry) {
    if (!entry.nextDueAt) return t(`urgency.${entry.urgency || 'NONE'}`);
    const left = Date.parse(entry.nextDueAt) - now();
    return left > 0 ? t('left', duration(left)) : t('overdue', duration(left));
  }

  function draw() {
    const tbody = document.querySelector('#queue tbody');
    tbody.replaceChildren(...entries.map((entry) => {
      const urgency = urgencyOf(entry);
      return el('tr', { class: `urgency-${urgency.toLowerCase().replace('_', '-')}`, 'data-appeal-id': entry.appealId, 'data-urgency': urgency },
        el('td', { class: 'time-left' }, el('i', { class: 'dot', 'aria-hidden': 'true' }), el('span', { 'data-time-left': '', text: timeLeft(entry) })),
        el('td', { class: 'mono' }, el('a', { href: `/screens/workbench/appeals/${encodeURIComponent(entry.appealId)}`, text: entry.trackingNumber })),
        el('td', { text: entry.title }),
        el('td', { text: entry.enterpriseName }),
        el('td', { text: t(`status.${entry.status}`) }),
        el('td', { text: entry.nextDueAt ? `${t(`clock.${entry.dueClock}`)} ${time(entry.nextDueAt)}` : '–' }));
    }));
    document.getElementById('queue-empty').hidden = entries.length > 0;
  }

  async function refresh() {
    const queue = await api(`/api/departments/${encodeURIComponent(department)}/queue?limit=500`);
    entries = queue.appeals;
    document.getElementById('queue-total').textContent = queue.total;
    draw();
  }

  const reread = throttle(() => refresh().catch(console.error), 1000);
  setInterval(() => {
    // Count down between re-reads; an appeal crossing its warning or due time changes colour here.
    document.querySelectorAll('#queue tbody tr').forEach((row, i) => {
      const entry = entries[i];
      if (!entry) return;
      const urgency = urgencyOf(entry);
      row.querySelector('[data-time-left]').textContent = timeLeft(entry);
      if (row.dataset.urgency !== urgency) {
        row.dataset.urgency = urgency;
        row.className = `urgency-${urgency.toLowerCase().replace('_', '-')}`;
      }
    });
  }, 1000);
  refresh().catch(console.error);
  live(`/api/live/departments/${encodeURIComponent(department)}`, { changed: reread });
})();
