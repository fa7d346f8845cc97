// The console's only way to the server: the REST API under /api/v1 and its event stream.
// Every request sends the session cookie; every state-changing one also the CSRF token of the session.

const BASE = '/api/v1';

let csrfToken = null;

/** A failed request: the server's message, the field it blames (when one is), the HTTP status and the body. */
export class ApiError extends Error {
  constructor(status, message, field, body) {
    super(message);
    this.status = status;
    this.field = field || null;
    this.body = body || null;
  }
}

async function request(method, path, body, contentType = 'application/json') {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
    payload = contentType === 'application/json' ? JSON.stringify(body) : body;
  }
  let response;
  try {
    response = await fetch(BASE + path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'The server cannot be reached (' + e.message + ')');
  }
  if (response.status === 401 && path !== '/session') {
    goToLogin();
    throw new ApiError(401, 'Your session has ended; please log in again');
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = text;
    }
  }
  if (!response.ok) {
    const message = data && data.error ? data.error : response.status + ' ' + response.statusText;
    throw new ApiError(response.status, message, data && data.field, data);
  }
  return data;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body = {}) => request('POST', path, body),
  put: (path, body) => request('PUT', path, body),
  putText: (path, text) => request('PUT', path, text, 'text/plain'),
  postText: (path, text) => request('POST', path, text, 'text/plain'),
  del: (path) => request('DELETE', path),
};

/** Encodes one path segment (queue names, agent ids, call ids). */
export function segment(value) {
  return encodeURIComponent(value);
}

/** A query string of the non-empty values, e.g. "?from=...&queue=support", or "" when all are empty. */
export function query(values) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, value);
    }
  }
  const text = params.toString();
  return text ? '?' + text : '';
}

export function csvUrl(filter) {
  return BASE + '/calls.csv' + query(filter);
}

/** Logs in; on success the session cookie is set and the session (username, roles, agentId) returned. */
export async function logIn(username, password) {
  const session = await request('POST', '/session', { username, password });
  csrfToken = session.csrfToken;
  return session;
}

export async function logOut() {
  try {
    await request('DELETE', '/session');
  } finally {
    csrfToken = null;
    window.location.assign('index.html');
  }
}

/** The current session, or null when nobody is logged in. */
export async function currentSession() {
  try {
    const session = await request('GET', '/session');
    csrfToken = session.csrfToken;
    return session;
  } catch (e) {
    if (e.status === 401) {
      return null;
    }
    throw e;
  }
}

export function goToLogin() {
  const page = window.location.pathname.split('/').pop() || 'index.html';
  if (page !== 'index.html') {
    window.location.assign('index.html?next=' + encodeURIComponent(page));
  }
}

/**
 * Subscribes to the server's live events. handlers maps event names (call, agent, queues) to functions of the
 * parsed data; onStatus(connected) tells whether the stream is up. EventSource reconnects by itself.
 */
export function liveEvents(handlers, onStatus) {
  const source = new EventSource(BASE + '/events', { withCredentials: true });
  source.addEventListener('open', () => onStatus(true));
  source.addEventListener('error', () => onStatus(false));
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        console.warn('ignored an event that is not JSON', name, event.data);
        return;
      }
      handler(data);
    });
  }
  return source;
}
