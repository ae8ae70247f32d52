/*
 * The intake form of a self-service kiosk. The credit code is checked as it is typed (GB 32100:
 * the server checks it again), the promised times are shown before submitting, and a submission
 * that meets a network failure is retried with the same idempotency key, so it is filed once.
 */
'use strict';
(() => {
  const { t, el, api, time, name, showError, now, ApiError } = window.Screens;
  const form = document.getElementById('intake');
  const error = document.getElementById('intake-error');
  const submit = document.getElementById('submit');
  const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const KEY = 'appeals.kiosk.idempotencyKey';
  const departments = new Map();

  function creditCodeProblem(code) {
    if ([...code].some((c) => CHARSET.indexOf(c) < 0)) return t('creditCode.chars');
    if (code.length !== 18) return t('creditCode.length', code.length);
    if (!/^\d{6}$/.test(code.slice(2, 8))) return t('creditCode.bad');
    const sum = [...code.slice(0, 17)].reduce((s, c, i) => s + CHARSET.indexOf(c) * WEIGHTS[i], 0);
    return CHARSET[(31 - (sum % 31)) % 31] === code[17] ? null : t('creditCode.bad');
  }

  const creditCode = document.getElementById('creditCode');
  const check = document.getElementById('creditCode-check');
  creditCode.addEventListener('input', () => {
    const code = creditCode.value.toUpperCase().replace(/\s/g, '');
    if (code !== creditCode.value) creditCode.value = code;
    const problem = code ? creditCodeProblem(code) : null;
    creditCode.setCustomValidity(problem || '');
    check.textContent = code ? problem || t('creditCode.ok') : '';
    check.className = `field-check ${problem ? 'bad' : code ? 'good' : ''}`;
  });

  function priority() {
    if (document.getElementById('urgent').checked) return 'URGENT';
    return document.getElementById('greenCard').value.trim() ? 'GREEN_CARD' : 'NORMAL';
  }

  async function preview() {
    const category = document.getElementById('category').value;
    const at = new Date(now()).toISOString();
    const promised = await api(`/api/sla/preview?submittedAt=${encodeURIComponent(at)}&priority=${priority()}`
      + (category ? `&category=${encodeURIComponent(category)}` : ''));
    document.getElementById('promise-first-response').textContent = time(promised.firstResponseDue, true);
    document.getElementById('promise-resolution').textContent = time(promised.resolutionDue, true);
  }

  function draft() {
    const value = (id) => document.getElementById(id).value.trim();
    return {
      enterprise: { name: value('name'), creditCode: value('creditCode'), contactName: value('contactName'),
        contactPhone: value('contactPhone'), greenCard: value('greenCard') || null },
      district: value('district'), category: value('category'), title: value('title'), description: value('description'),
      channel: 'KIOSK', priority: document.getElementById('urgent').checked ? 'URGENT' : null,
    };
  }

  /** The same key until this appeal is filed, across retries and even a reload of the page. */
  function idempotencyKey() {
    let key = sessionStorage.getItem(KEY);
    if (!key) {
      // crypto.randomUUID needs https; intranets often serve plain http, where getRandomValues still works.
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      key = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
      sessionStorage.setItem(KEY, key);
    }
    return key;
  }

  async function file(appeal) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await api('/api/appeals', { method: 'POST', body: appeal, headers: { 'Idempotency-Key': idempotencyKey() } });
      } catch (e) {
        const transient = !(e instanceof ApiError) || e.status === 503 || e.status === 504;
        // A definite answer ends this key's use; after a network failure it is kept, since the
        // appeal may have been filed and only the answer lost.
        if (!transient) sessionStorage.removeItem(KEY);
        if (!transient || attempt >= 20) throw e;
        error.hidden = false;
        error.textContent = t('error.network');
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** attempt, 5000)));
      }
    }
  }

  function showReceipt(receipt) {
    const set = (id, text) => { document.getElementById(id).textContent = text; };
    set('receipt-tracking-number', receipt.trackingNumber);
    set('receipt-secret', receipt.receiptSecret || '');
    set('receipt-department', name(departments.get(receipt.departmentId)) || receipt.departmentId || '–');
    set('receipt-submitted-at', time(receipt.submittedAt, true));
    set('receipt-first-response', time(receipt.firstResponseDue, true));
    set('receipt-resolution', time(receipt.resolutionDue, true));
    form.hidden = true;
    document.getElementById('receipt').hidden = false;
    stillHere();
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    creditCode.dispatchEvent(new Event('input'));
    if (!form.reportValidity()) return;
    submit.disabled = true;
    submit.textContent = t('submitting');
    error.hidden = true;
    try {
      const receipt = await file(draft());
      sessionStorage.removeItem(KEY);
      error.hidden = true;
      showReceipt(receipt);
    } catch (err) {
      showError(error, err);
    } finally {
      submit.disabled = false;
      submit.textContent = submit.dataset.label;
    }
  });
  submit.dataset.label = submit.textContent;

  /** Ready for the next enterprise: nothing of the last one left on the screen. */
  function startOver() {
    form.reset();
    sessionStorage.removeItem(KEY);
    check.textContent = '';
    error.hidden = true;
    document.getElementById('receipt').hidden = true;
    form.hidden = false;
    preview().catch(console.error);
  }

  // A kiosk left alone for two minutes (a receipt on screen, or a form half filled) starts over.
  let idle = null;
  const IDLE_MS = 120000;
  const stillHere = () => {
    clearTimeout(idle);
    idle = setTimeout(startOver, IDLE_MS);
  };
  ['pointerdown', 'keydown', 'input'].forEach((type) => document.addEventListener(type, stillHere, { passive: true }));

  document.getElementById('print').addEventListener('click', () => window.print());
  document.getElementById('next').addEventListener('click', startOver);
  ['district', 'category', 'urgent', 'greenCard'].forEach((id) =>
    document.getElementById(id).addEventListener('change', () => preview().catch(console.error)));

  async function start() {
    const [catalog, deps] = await Promise.all([api('/api/catalog'), api('/api/departments')]);
    deps.forEach((d) => departments.set(d.departmentId, d));
    const options = (entries) => [el('option', { value: '', text: '—' }), ...entries.map((x) => el('option', { value: x.code, text: name(x) }))];
    document.getElementById('district').replaceChildren(...options(catalog.districts));
    document.getElementById('category').replaceChildren(...options(catalog.categories));
    await preview();
  }
  start().catch((e) => showError(error, e));
})();
