/* The department's actions on one appeal: acknowledge, ask for information, transfer, resolve. */
'use strict';
(() => {
  const { t, el, api, name, showError } = window.Screens;
  const error = document.getElementById('action-error');
  const own = document.body.dataset.departmentId;
  // Which actions to offer in which status, as a convenience: the topology decides, and says why not.
  const allowed = {
    acknowledge: ['ROUTED', 'REOPENED'],
    'request-info': ['ROUTED', 'ACKNOWLEDGED', 'REOPENED'],
    transfer: ['ROUTED', 'ACKNOWLEDGED', 'REOPENED'],
    resolve: ['ACKNOWLEDGED', 'REOPENED'],
  };

  /** Takes the action; true if it was accepted. What was typed stays in the form when it was not. */
  async function act(action, body, control) {
    error.hidden = true;
    control.disabled = true;
    try {
      await api(`/api/appeals/${encodeURIComponent(window.Appeal.appealId)}/${action}`, { method: 'POST', body });
      if (action === 'transfer') {
        window.location.assign('/screens/workbench'); // no longer ours
        return true;
      }
      await window.Appeal.reload();
      return true;
    } catch (e) {
      showError(error, e);
      return false;
    } finally {
      control.disabled = false;
    }
  }

  document.querySelector('button[data-action="acknowledge"]').addEventListener('click', (e) => act('acknowledge', {}, e.currentTarget));
  document.querySelectorAll('form[data-action]').forEach((form) => form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    const body = Object.fromEntries(new FormData(form).entries());
    act(form.dataset.action, body, form.querySelector('button')).then((accepted) => accepted && form.reset());
  }));

  window.Appeal.onChange((appeal) => {
    const controls = [...document.querySelectorAll('#actions [data-action]')];
    controls.forEach((control) => {
      control.hidden = !(allowed[control.dataset.action] || []).includes(appeal.status);
    });
    document.getElementById('no-actions').hidden = controls.some((control) => !control.hidden);
    const select = document.getElementById('toDepartmentId');
    if (select.options.length === 0) {
      const others = [...window.Appeal.departments.values()].filter((d) => d.departmentId !== own && d.active)
        .sort((a, b) => a.departmentId.localeCompare(b.departmentId));
      select.replaceChildren(el('option', { value: '', text: '—' }),
        ...others.map((d) => el('option', { value: d.departmentId, text: `${name(d)} (${d.departmentId})` })));
    }
  });
})();
