/* The enterprise's actions on its appeal: answer a question, rate, reopen, withdraw. */
'use strict';
(() => {
  const { t, api, showError } = window.Screens;
  const error = document.getElementById('action-error');
  const done = document.getElementById('action-done');
  const OPEN = ['SUBMITTED', 'ROUTED', 'ACKNOWLEDGED', 'AWAITING_INFO', 'REOPENED'];

  function shown(form, status) {
    const when = form.dataset.when.split(' ');
    return when.includes(status) || (when.includes('OPEN') && OPEN.includes(status));
  }

  document.querySelectorAll('form[data-action]').forEach((form) => form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    const body = Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => v !== ''));
    if (body.rating) body.rating = Number(body.rating);
    const button = form.querySelector('button');
    error.hidden = true;
    done.hidden = true;
    button.disabled = true;
    try {
      await api(`/api/appeals/${encodeURIComponent(window.Appeal.appealId)}/${form.dataset.action}`, { method: 'POST', body });
      form.reset();
      done.textContent = t('done');
      done.hidden = false;
      await window.Appeal.reload();
    } catch (err) {
      showError(error, err);
    } finally {
      button.disabled = false;
    }
  }));

  window.Appeal.onChange((appeal) => {
    const forms = [...document.querySelectorAll('form[data-action]')];
    forms.forEach((form) => { form.hidden = !shown(form, appeal.status); });
    document.getElementById('no-actions').hidden = forms.some((form) => !form.hidden);
    const asked = [...appeal.timeline].reverse().find((e) => e.type === 'INFO_REQUESTED');
    document.querySelector('[data-field="question"]').textContent = asked ? t('question', asked.question) : '';
  });
})();
