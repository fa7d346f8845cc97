// What every page shares: building elements (text only, never HTML from data), messages, the header with the
// pages the user's roles may open, the live-connection indicator, and how times and states are written.
import { currentSession, goToLogin, logOut, liveEvents } from './api.js';

/** Creates an element; attrs are attributes (on* keys become listeners); children are nodes or text. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (value === true) {
      node.setAttribute(key, '');
    } else {
      node.setAttribute(key, value);
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the children of the element with id (or the element itself). */
export function fill(target, ...children) {
  const node = typeof target === 'string' ? document.getElementById(target) : target;
  node.replaceChildren();
  append(node, children);
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

/** Shows an error in the page's alert region; err may be an ApiError (its field is named) or text. */
export function showError(err) {
  const text = typeof err === 'string' ? err : err.message + (err.field ? ' (field: ' + err.field + ')' : '');
  if (typeof err !== 'string') {
    console.error(err);
  }
  showMessage(text, 'error');
}

export function showNotice(text) {
  showMessage(text, 'notice');
}

function showMessage(text, kind) {
  const region = byId('messages');
  const icon = kind === 'error' ? '⚠ ' : '✔ ';
  const message = el('p', { class: 'message ' + kind },
    el('span', { 'aria-hidden': 'true' }, icon),
    el('span', { class: 'visually-hidden' }, kind === 'error' ? 'Error: ' : 'Done: '),
    text,
    el('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss message', onclick: () => message.remove() },
      '×'));
  region.prepend(message);
  while (region.children.length > 3) {
    region.lastElementChild.remove();
  }
  if (kind === 'notice') {
    setTimeout(() => message.remove(), 8000);
  }
}

/**
 * Runs an async action for a button, once at a time, errors shown. The button is marked busy rather than
 * disabled, so that whether it is enabled stays with the page's state (the action itself may change it).
 */
export function action(button, work) {
  let running = false;
  button.addEventListener('click', async (event) => {
    event.preventDefault();
    if (running) {
      return;
    }
    running = true;
    button.setAttribute('aria-busy', 'true');
    try {
      await work();
    } catch (e) {
      showError(e);
    } finally {
      running = false;
      button.removeAttribute('aria-busy');
    }
  });
}

const PAGES = [
  { href: 'agent.html', label: 'Agent desktop', roles: ['agent'] },
  { href: 'wallboard.html', label: 'Wallboard', roles: ['supervisor', 'admin'] },
  { href: 'reports.html', label: 'Reports', roles: ['supervisor', 'admin'] },
  { href: 'admin.html', label: 'Admin', roles: ['admin'] },
];

export function pagesFor(roles) {
  return PAGES.filter((page) => page.roles.some((role) => roles.includes(role)));
}

/**
 * Checks that someone with one of the roles is logged in (else goes to the login page), fills the header and
 * returns the session.
 */
export async function startPage(roles) {
  const session = await currentSession();
  if (!session) {
    goToLogin();
    throw new Error('not logged in');
  }
  const current = window.location.pathname.split('/').pop();
  fill('nav', pagesFor(session.roles).map((page) =>
    el('a', { href: page.href, 'aria-current': page.href === current ? 'page' : null }, page.label)));
  fill('whoami', el('span', { class: 'visually-hidden' }, 'Logged in as '), session.username,
    ' (' + session.roles.join(', ') + ')');
  byId('logout').addEventListener('click', () => logOut());
  if (!roles.some((role) => session.roles.includes(role))) {
    showError('This page is for ' + roles.join(' or ') + '; you are logged in as ' + session.roles.join(', ')
      + '. Use the links above.');
    throw new Error('wrong role');
  }
  return session;
}

/** Connects to the live events and shows the connection's state in the header. */
export function connectLive(handlers) {
  return liveEvents(handlers, (connected) => {
    const live = byId('live');
    live.dataset.connected = connected;
    live.textContent = connected ? '● Live' : '○ Reconnecting…';
  });
}

/** Seconds as m:ss or h:mm:ss. */
export function duration(seconds) {
  if (seconds === undefined || seconds === null || Number.isNaN(Number(seconds))) {
    return '–';
  }
  const total = Math.max(0, Math.round(Number(seconds)));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + s : m + ':' + s;
}

/** Seconds elapsed since an ISO time. */
export function secondsSince(iso) {
  return iso ? (Date.now() - Date.parse(iso)) / 1000 : null;
}

/** An ISO time as local date and time (or time only when it is today). */
export function time(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  return today ? date.toLocaleTimeString() : date.toLocaleString();
}

export function percent(value) {
  return value === undefined || value === null ? '–' : Number(value).toFixed(1) + ' %';
}

/** Agent states as text with a symbol, so that they read without colour. */
const STATES = {
  'logged-out': { icon: '○', label: 'Logged out' },
  available: { icon: '✔', label: 'Available' },
  reserved: { icon: '◔', label: 'Reserved' },
  ringing: { icon: '☏', label: 'Ringing' },
  'on-call': { icon: '☎', label: 'On call' },
  'wrap-up': { icon: '✎', label: 'Wrap-up' },
  paused: { icon: '‖', label: 'Paused' },
};

export function stateKey(state) {
  return String(state || 'logged-out').toLowerCase().replace(/_/g, '-');
}

/** A badge for an agent state: symbol, words, and the reason of a pause. */
export function stateBadge(state, pauseReason) {
  const key = stateKey(state);
  const known = STATES[key] || { icon: '?', label: key };
  return el('span', { class: 'state state-' + key, 'data-state': key },
    el('span', { class: 'state-icon', 'aria-hidden': 'true' }, known.icon),
    ' ' + known.label + (key === 'paused' && pauseReason ? ' (' + pauseReason + ')' : ''));
}

/** Every second, rewrites each [data-since] element's text as the time elapsed since that ISO time. */
export function tickClocks() {
  const tick = () => {
    for (const node of document.querySelectorAll('[data-since]')) {
      node.textContent = duration(secondsSince(node.dataset.since));
    }
  };
  tick();
  setInterval(tick, 1000);
}

/** A table with a caption-like label, headers and rows of cells (nodes or text). */
export function table(label, headers, rows, empty = 'Nothing to show') {
  if (rows.length === 0) {
    return el('p', { class: 'empty' }, empty);
  }
  return el('table', { 'aria-label': label },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

/** Fills a select with options (values or {value, label}), keeping the chosen value when it is still there. */
export function options(select, values, placeholder) {
  const chosen = select.value;
  select.replaceChildren();
  if (placeholder !== undefined) {
    select.append(el('option', { value: '' }, placeholder));
  }
  for (const v of values) {
    const value = typeof v === 'object' ? v.value : v;
    const label = typeof v === 'object' ? v.label : v;
    select.append(el('option', { value }, label));
  }
  if ([...select.options].some((o) => o.value === chosen)) {
    select.value = chosen;
  }
}
