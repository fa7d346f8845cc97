// The agent desktop: the agent's state and its controls, the call offered with its screen pop, call control on
// the agent's phone through the server, wrap-up with a disposition, and a preview of the callers waiting.
import { api, segment } from './api.js';
import {
  action, byId, connectLive, el, fill, options, showError, showNotice, startPage, stateBadge, stateKey,
  table, tickClocks, duration,
} from './ui.js';
import { customerCard } from './customer.js';

const view = {
  agent: null,
  call: null, // { callId, phase: 'offered' | 'answered' | 'ended' }
  wrapUpCallId: null,
};
let me;

function nameOf(item) {
  return typeof item === 'string' ? item : item.name || item.code || item.reason || item.queue;
}

function loggedIn() {
  return view.agent && stateKey(view.agent.state) !== 'logged-out';
}

function renderAgent() {
  const agent = view.agent;
  fill('agent-name', agent.name ? '– ' + agent.name + ' (' + agent.agentId + ')' : '(' + agent.agentId + ')');
  fill('agent-state', stateBadge(agent.state, agent.pauseReason));
  const since = byId('state-since');
  if (agent.since) {
    since.dataset.since = agent.since;
  } else {
    delete since.dataset.since;
    since.textContent = '–';
  }
  fill('phone-status', agent.phoneRegistered === false
    ? el('span', { class: 'state state-paused' }, el('span', { 'aria-hidden': 'true' }, '✖'), ' Phone not registered')
    : el('span', {}, el('span', { 'aria-hidden': 'true' }, '☎'), ' Phone ' + (agent.phone || '') + ' registered'));
  fill('agent-queues', (agent.queues || []).map(nameOf).join(', ') || '–');
  const state = stateKey(agent.state);
  byId('login-agent').disabled = state !== 'logged-out';
  byId('ready').disabled = !['paused', 'wrap-up'].includes(state);
  byId('pause').disabled = !['available', 'wrap-up', 'on-call', 'ringing', 'reserved'].includes(state);
  byId('logout-agent').disabled = state === 'logged-out';
  if (agent.callId && (!view.call || view.call.callId !== agent.callId)) {
    showCall(agent.callId, state === 'on-call' ? 'answered' : 'offered');
  }
  renderCallControls();
}

function renderCallControls() {
  const phase = view.call && view.call.phase;
  byId('hangup').disabled = !['offered', 'answered'].includes(phase);
  byId('hold').disabled = phase !== 'answered';
  byId('resume').disabled = phase !== 'answered';
  byId('recording-pause').disabled = phase !== 'answered';
  byId('recording-resume').disabled = phase !== 'answered';
  byId('transfer').disabled = phase !== 'answered';
  byId('dial').disabled = !loggedIn() || ['offered', 'answered'].includes(phase);
}

const BANNERS = {
  offered: '☏ Incoming call – ringing on your phone',
  answered: '☎ On call',
  ended: '✎ Call ended – please wrap up',
};

function renderBanner() {
  const banner = byId('call-banner');
  banner.className = view.call ? 'pop-banner' : 'empty';
  banner.textContent = view.call ? BANNERS[view.call.phase] : 'No call.';
}

async function showCall(callId, phase) {
  const known = view.call && view.call.callId === callId;
  view.call = { callId, phase };
  renderBanner();
  renderCallControls();
  if (phase === 'ended') {
    openWrapUp(callId);
  }
  if (known) {
    return;
  }
  try {
    renderPop(await api.get('/calls/' + segment(callId) + '/screen-pop'));
  } catch (e) {
    showError(e);
  }
}

function renderPop(pop) {
  fill('call-facts',
    el('dt', {}, 'Caller number'), el('dd', { id: 'pop-ani' }, pop.ani || 'unknown'),
    el('dt', {}, 'Called number'), el('dd', { id: 'pop-dnis' }, pop.dnis || ''),
    el('dt', {}, 'Queue'), el('dd', {}, pop.queue || '–'),
    el('dt', {}, 'Call id'), el('dd', {}, pop.callId));
  const variables = Object.entries(pop.variables || {}).sort(([a], [b]) => a.localeCompare(b));
  fill('call-variables', variables.length === 0 ? el('p', { class: 'empty' }, 'None.')
    : el('dl', { class: 'facts', id: 'pop-variables' }, variables.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
  fill('customer-card', customerCard(pop.customer));
}

function clearCall() {
  view.call = null;
  renderBanner();
  fill('call-facts');
  fill('call-variables', el('p', { class: 'empty' }, 'None.'));
  fill('customer-card', el('p', { class: 'empty' }, 'The caller\'s customer card shows here when a call is offered.'));
  renderCallControls();
}

function openWrapUp(callId) {
  view.wrapUpCallId = callId;
  byId('wrapup-call').textContent = callId;
  byId('wrapup-panel').hidden = false;
}

async function saveDisposition() {
  const callId = view.wrapUpCallId;
  const code = byId('disposition').value;
  if (!code) {
    showError('Choose a disposition.');
    return;
  }
  await api.post('/calls/' + segment(callId) + '/disposition', { code, notes: byId('notes').value });
  showNotice('Disposition "' + code + '" saved for call ' + callId);
  byId('notes').value = '';
  byId('wrapup-panel').hidden = true;
  view.wrapUpCallId = null;
  if (view.call && view.call.callId === callId) {
    clearCall();
  }
}

async function agentAction(path, body) {
  view.agent = await api.post('/agents/' + segment(me) + path, body);
  renderAgent();
  refreshPreview();
}

async function callAction(path, body, done) {
  await api.post('/calls/' + segment(view.call.callId) + path, body);
  showNotice(done);
}

let previewTimer = null;

/** Reloads the queue preview, at most once a second however many queue events come. */
function refreshPreview() {
  if (previewTimer) {
    return;
  }
  previewTimer = setTimeout(async () => {
    previewTimer = null;
    try {
      await loadPreview();
    } catch (e) {
      showError(e);
    }
  }, 300);
}

async function loadPreview() {
  const queues = loggedIn() ? (view.agent.queues || []).map(nameOf) : [];
  if (queues.length === 0) {
    fill('queue-preview', el('p', { class: 'empty' }, 'Log in to see the callers waiting in your queues.'));
    return;
  }
  const waiting = await Promise.all(queues.map((q) => api.get('/queues/' + segment(q) + '/waiting')));
  fill('queue-preview', queues.map((queue, i) => [
    el('h3', {}, queue + ' – ' + waiting[i].length + ' waiting'),
    table('Callers waiting in ' + queue, ['Caller', 'Name', 'Reason', 'Priority', 'Waiting', 'Previous agent'],
      waiting[i].map((w) => [w.ani || '', w.customerName || '', w.reason || '', String(w.priority ?? ''),
        el('span', { 'data-since': new Date(Date.now() - (w.waitingSeconds || 0) * 1000).toISOString() },
          duration(w.waitingSeconds)),
        w.previousAgent || '']),
      'Nobody is waiting.'),
  ]));
}

function onCallEvent(event) {
  if (event.agentId !== me) {
    return;
  }
  const phase = { OFFERED: 'offered', ANSWERED: 'answered', ENDED: 'ended' }[event.type];
  if (phase) {
    showCall(event.callId, phase);
  }
}

function onAgentEvent(event) {
  if (event.agentId !== me || !view.agent) {
    return;
  }
  view.agent = { ...view.agent, state: event.state, pauseReason: event.pauseReason, since: event.since,
    callId: event.callId || null };
  if (stateKey(event.state) === 'wrap-up' && view.call && view.call.phase !== 'ended') {
    showCall(view.call.callId, 'ended');
  }
  renderAgent();
}

async function start() {
  const session = await startPage(['agent']);
  me = session.agentId;
  if (!me) {
    showError('User ' + session.username + ' is not an agent.');
    return;
  }
  const [agent, reasons, codes] = await Promise.all([
    api.get('/agents/' + segment(me)), api.get('/pause-reasons'), api.get('/disposition-codes')]);
  options(byId('pause-reason'), reasons.map(nameOf));
  options(byId('disposition'), codes.map((c) => (typeof c === 'string' ? c
    : { value: c.code, label: c.label ? c.code + ' – ' + c.label : c.code })), 'Choose…');
  view.agent = agent;
  renderAgent();
  renderBanner();
  refreshPreview();

  action(byId('login-agent'), () => agentAction('/login', {}));
  action(byId('ready'), () => agentAction('/ready'));
  action(byId('pause'), () => agentAction('/pause', { reason: byId('pause-reason').value }));
  action(byId('logout-agent'), () => agentAction('/logout'));
  action(byId('hangup'), () => callAction('/hangup', {}, 'Hanging up'));
  action(byId('hold'), () => callAction('/hold', {}, 'Call on hold'));
  action(byId('resume'), () => callAction('/resume', {}, 'Call resumed'));
  action(byId('recording-pause'), () => callAction('/recording/pause', {}, 'Recording paused: silence is recorded'));
  action(byId('recording-resume'), () => callAction('/recording/resume', {}, 'Recording resumed'));
  action(byId('transfer'), () => {
    const target = byId('transfer-target').value.trim();
    if (!target) {
      throw new Error('Say whom to transfer to.');
    }
    const kind = byId('transfer-kind').value;
    return callAction('/transfer', { target: kind + ':' + target }, 'Transferred to ' + kind + ' ' + target);
  });
  action(byId('dial'), async () => {
    const number = byId('dial-number').value.trim();
    if (!number) {
      throw new Error('Enter the number to dial.');
    }
    const dialled = await api.post('/agents/' + segment(me) + '/dial', { number });
    showNotice('Dialling ' + number + (dialled && dialled.callId ? ' (call ' + dialled.callId + ')' : ''));
  });
  byId('wrapup-form').addEventListener('submit', (event) => event.preventDefault());
  action(byId('save-disposition'), saveDisposition);

  connectLive({ call: onCallEvent, agent: onAgentEvent, queues: refreshPreview });
  tickClocks();
}

start().catch((e) => {
  if (e.message !== 'not logged in' && e.message !== 'wrong role') {
    showError(e);
  }
});
