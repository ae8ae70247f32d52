/*
 * One appeal with its timeline and promised times, as the department holding it or the
 * enterprise that filed it sees it. The action scripts call Appeal.reload() after each action.
 */
'use strict';
window.Appeal = (() => {
  const { t, el, api, time, name } = window.Screens;
  const appealId = document.body.dataset.appealId;
  const departments = new Map();
  let current = null;
  const listeners = [];

  function field(key) {
    return document.querySelector(`#appeal-detail [data-field="${key}"]`);
  }

  function describe(e) {
    const parts = [t(`event.${e.type}`)];
    const dept = e.departmentId && departments.get(e.departmentId);
    if ((e.type === 'ROUTED' || e.type === 'TRANSFERRED') && e.departmentId) parts.push(name(dept) || e.departmentId);
    if (e.slaClock) parts.push(t(`clock.${e.slaClock}`));
    if (e.escalatedTo) parts.push(`${t('escalatedTo')} ${e.escalatedTo}`);
    if (e.type === 'EVALUATED' && e.rating) parts.push(t('rating', e.rating));
    return parts.join(' · ');
  }

  function draw(appeal) {
    field('title').textContent = appeal.title;
    field('trackingNumber').textContent = appeal.trackingNumber;
    field('status').textContent = t(`status.${appeal.status}`);
    field('status').dataset.status = appeal.status;
    field('enterprise').textContent = appeal.enterprise ? `${appeal.enterprise.name} (${appeal.enterprise.creditCode})` : '';
    field('department').textContent = name(departments.get(appeal.departmentId)) || appeal.departmentId || '–';
    field('submittedAt').textContent = time(appeal.submittedAt, true);
    field('firstResponseDue').textContent = appeal.sla ? clockText(appeal.sla.firstResponse) : '–';
    field('resolutionDue').textContent = appeal.sla ? clockText(appeal.sla.resolution) : '–';
    field('description').textContent = appeal.description;
    field('timeline').replaceChildren(...appeal.timeline.map((e) => el('li', { class: `event ${e.type.toLowerCase()}`, 'data-type': e.type },
      el('time', { text: time(e.at, true) }),
      el('b', { text: describe(e) }),
      el('span', { class: 'actor', text: t(`actor.${e.actor.role}`) }),
      ...['reason', 'question', 'information', 'resolution', 'comment'].filter((k) => e[k]).map((k) => el('p', { class: k, text: e[k] })))));
  }

  function clockText(clock) {
    if (!clock) return '–';
    const state = t(`clockState.${clock.state}`);
    return state ? `${time(clock.dueAt, true)} (${state})` : time(clock.dueAt, true);
  }

  async function reload() {
    current = await api(`/api/appeals/${encodeURIComponent(appealId)}`);
    draw(current);
    listeners.forEach((l) => l(current));
    return current;
  }

  async function start() {
    try {
      (await api('/api/departments')).forEach((d) => departments.set(d.departmentId, d));
    } catch (e) {
      // An enterprise may not list departments; the ids are shown instead.
    }
    await reload();
  }

  document.addEventListener('DOMContentLoaded', () => start().catch(console.error));
  return { reload, onChange: (l) => listeners.push(l), get current() { return current; }, appealId, departments };
})();
