/*
 * What every screen shares: its words (from the page, in the chosen language), calls to the API
 * with the page's CSRF token, live updates over server-sent events, and the business clock,
 * which may run faster than real time in a demonstration. Text is always set as text, never as
 * HTML, so nothing an enterprise typed can run as script.
 */
'use strict';
window.Screens = (() => {
  const page = document.querySelector('meta[name="screen"]').dataset;
  const words = JSON.parse(page.messages || '{}');
  const lang = page.lang || 'zh-CN';
  let clock = { at: Date.parse(page.clockNow || new Date().toISOString()), read: performance.now(),
    speed: Number(page.clockSpeed || 1) };

  function t(key, ...args) {
    const text = words[key] !== undefined ? words[key] : key;
    return text.replace(/\{(\d)\}/g, (_, i) => (args[i] !== undefined ? args[i] : ''));
  }

  /** Business time now, in epoch milliseconds: the server's last word, run on at the clock's speed. */
  function now() {
    return clock.at + (performance.now() - clock.read) * clock.speed;
  }

  function setClock(update) {
    clock = { at: Date.parse(update.now), read: performance.now(), speed: update.speed };
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : value);
    });
    children.flat().forEach((child) => {
      if (child === null || child === undefined) return;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem.detail || problem.title || String(status));
      this.status = status;
      this.problem = problem;
    }

    /** What to tell a person: the fields named by the API, or its explanation. */
    describe() {
      const fields = this.problem.errors || this.problem.fieldErrors;
      if (Array.isArray(fields) && fields.length) {
        return t('error.fields', fields.map((f) => `${f.field}: ${f.message}`).join('; '));
      }
      return t('error.generic', this.message);
    }
  }

  /** Calls the API as the signed-in user. Throws ApiError for an answer >= 400, TypeError when the network failed. */
  async function api(path, options = {}) {
    const headers = { Accept: 'application/json', ...(options.headers || {}) };
    const init = { method: options.method || 'GET', headers, credentials: 'same-origin' };
    if (init.method !== 'GET') {
      headers[page.csrfHeader] = page.csrfToken;
      if (options.body !== undefined) {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(options.body);
      }
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      window.location.assign('/screens/sign-in');
      throw new ApiError(401, { detail: 'signed out' });
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, json || {});
    return json;
  }

  /**
   * Listens to a live stream; handlers by event name. The browser reconnects by itself after a
   * network failure or a restart, and the screen re-reads everything when it does.
   */
  function live(path, handlers) {
    const source = new EventSource(path, { withCredentials: true });
    source.addEventListener('clock', (e) => setClock(JSON.parse(e.data)));
    Object.entries(handlers).forEach(([name, handler]) => source.addEventListener(name, (e) => {
      if (name === 'changed') setClock(JSON.parse(e.data));
      handler(e.data ? JSON.parse(e.data) : null);
    }));
    source.addEventListener('open', () => handlers.changed && handlers.changed());
    // A browser retries a dropped connection by itself, but gives up on a refusal (signed out, or
    // the server restarting): then the whole page is loaded again, which signs in again if needed.
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) setTimeout(() => window.location.reload(), 5000);
    });
    return source;
  }

  /** Runs fn at most once per interval, and once more after the last call within it. */
  function throttle(fn, interval) {
    let last = 0;
    let timer = null;
    return () => {
      const wait = last + interval - Date.now();
      if (wait <= 0) {
        last = Date.now();
        fn();
      } else if (!timer) {
        timer = setTimeout(() => { timer = null; last = Date.now(); fn(); }, wait);
      }
    };
  }

  const pad = (n) => String(n).padStart(2, '0');

  /** A time in Changsha (UTC+8), whatever the browser's own zone. */
  function time(iso, withYear) {
    if (!iso) return '–';
    const d = new Date(Date.parse(iso) + 8 * 3600 * 1000);
    const date = `${withYear ? d.getUTCFullYear() + '-' : ''}${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  }

  function duration(ms) {
    const minutes = Math.floor(Math.abs(ms) / 60000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const rest = minutes % 60;
    const sep = lang === 'en' ? ' ' : '';
    if (days > 0) return `${days}${sep}${t('unit.day')}${sep ? ' ' : ''}${hours}${sep}${t('unit.hour')}`;
    if (hours > 0) return `${hours}${sep}${t('unit.hour')}${sep ? ' ' : ''}${rest}${sep}${t('unit.minute')}`;
    return `${rest}${sep}${t('unit.minute')}`;
  }

  function name(entry) {
    return entry ? (lang === 'en' ? entry.nameEn || entry.name : entry.name) : '';
  }

  function showError(node, error) {
    node.hidden = false;
    node.textContent = error instanceof ApiError ? error.describe() : t('error.offline');
  }

  function startClockDisplay() {
    const shown = document.getElementById('business-clock-now');
    const speed = document.getElementById('business-clock-speed');
    if (!shown) return;
    const tick = () => {
      shown.textContent = time(new Date(now()).toISOString(), true);
      if (speed) speed.textContent = clock.speed !== 1 ? t('speed', clock.speed) : '';
    };
    tick();
    setInterval(tick, 1000);
  }

  startClockDisplay();
  return { t, now, el, api, live, throttle, time, duration, name, showError, lang, ApiError };
})();
