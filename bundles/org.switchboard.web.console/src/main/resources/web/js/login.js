// The login page: logs in and opens the page asked for (?next=) or the first one the user's roles allow.
import { logIn, currentSession } from './api.js';
import { byId, pagesFor, showError } from './ui.js';

function landingPage(session) {
  const allowed = pagesFor(session.roles).map((page) => page.href);
  const next = new URLSearchParams(window.location.search).get('next');
  if (next && allowed.includes(next)) {
    return next;
  }
  return allowed[0];
}

function open(session) {
  const page = landingPage(session);
  if (page) {
    window.location.assign(page);
  } else {
    showError('User ' + session.username + ' has none of the roles agent, supervisor or admin.');
  }
}

byId('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = byId('login');
  button.disabled = true;
  try {
    open(await logIn(byId('username').value.trim(), byId('password').value));
  } catch (e) {
    showError(e.status === 401 ? 'Wrong user name or password.' : e);
    byId('password').select();
  } finally {
    button.disabled = false;
  }
});

currentSession().then((session) => session && open(session)).catch(showError);
