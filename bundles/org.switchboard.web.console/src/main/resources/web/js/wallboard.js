// The supervisor's wallboard: per queue waiting callers, longest wait, service level, ASA, AHT and abandon rate;
// the agents by state with time in state, and supervision of their calls (listen in, whisper, barge) from the
// supervisor's own phone. Kept live by the event stream (queues every 2 s, agents at once); the supervisions are
// read again with each queue update while a call is in progress, since a supervisor's phone answering is no event.
import { api, segment } from './api.js';
import {
  action, byId, connectLive, duration, el, fill, percent, secondsSince, showError, showNotice, startPage, stateBadge,
  stateKey, table, tickClocks,
} from './ui.js';

const agents = new Map();

/** How a supervisor's phone takes part in a call, as the API names the modes. */
const MODES = [
  { mode: 'listen', label: 'Listen in', doing: 'listening', to: 'listen in on' },
  { mode: 'whisper', label: 'Whisper', doing: 'whispering', to: 'whisper to' },
  { mode: 'barge', label: 'Barge', doing: 'barging in', to: 'barge in on' },
];
const EXTENSION_KEY = 'switchboard.wallboard.extension';
let supervisions = [];
let supervisionsReading = null;
let readAgain = false;

/** One figure; an alarm is marked with a symbol and said in words, not shown by colour alone. */
function kpi(label, value, id, alarm) {
  return el('div', {}, el('dt', {}, label), el('dd', {},
    alarm ? el('span', { class: 'alarm', 'aria-hidden': 'true' }, '▲ ') : '',
    el('span', { id }, value),
    alarm ? el('span', { class: 'visually-hidden' }, ' (' + alarm + ')') : ''));
}

/** While callers wait, the longest wait counts up between two queue events. */
function longestWait(q) {
  if (!(q.waiting > 0)) {
    return duration(0);
  }
  const since = new Date(Date.now() - q.longestWaitSeconds * 1000).toISOString();
  return el('span', { 'data-since': since }, duration(q.longestWaitSeconds));
}

function renderQueues(queues) {
  fill('updated', 'updated ' + new Date().toLocaleTimeString());
  if (queues.length === 0) {
    fill('queues', el('p', { class: 'empty' }, 'No queues.'));
    return;
  }
  fill('queues', queues.map((q) => {
    const k = q.kpis || {};
    const id = (name) => 'queue-' + q.name + '-' + name;
    return el('article', { class: 'panel kpi-card', 'aria-label': 'Queue ' + q.name, 'data-queue': q.name },
      el('h2', {}, q.name, ' ', el('small', { class: 'unavailable' }, (q.strategyInUse || q.strategy || '') + ' · '
        + (q.numbers || []).join(', '))),
      el('dl', {},
        kpi('Waiting', String(q.waiting ?? 0), id('waiting'),
          q.waiting > 0 && q.agentsAvailable === 0 ? 'nobody available to answer' : null),
        kpi('Longest wait', longestWait(q), id('longest')),
        kpi('Service level', percent(k.serviceLevelPercent), id('sl')),
        kpi('Abandoned', percent(k.abandonRatePercent), id('abandon')),
        kpi('ASA', duration(k.asaSeconds), id('asa')),
        kpi('AHT', duration(k.ahtSeconds), id('aht')),
        kpi('Agents available', (q.agentsAvailable ?? 0) + ' / ' + (q.agentsLoggedIn ?? 0), id('agents')),
        kpi('Offered / answered', (k.offered ?? 0) + ' / ' + (k.answered ?? 0), id('offered'))));
  }));
}

/** The supervisor's phone, as typed in "My phone (extension)" (kept in the browser between visits). */
function myExtension() {
  return byId('my-extension').value.trim();
}

function rememberExtension() {
  try {
    if (myExtension()) {
      localStorage.setItem(EXTENSION_KEY, myExtension());
    } else {
      localStorage.removeItem(EXTENSION_KEY);
    }
  } catch (e) {
    console.warn('the extension is not remembered: no local storage', e);
  }
}

function rememberedExtension() {
  try {
    return localStorage.getItem(EXTENSION_KEY) || '';
  } catch (e) {
    return '';
  }
}

function modeOf(name) {
  return MODES.find((m) => m.mode === name) || { mode: name, label: name, doing: name };
}

/**
 * Reads the supervisions and shows them. One request at a time: asked meanwhile, it reads once more after. A
 * failure is shown beside the table rather than as an alert, so that a stopped SIP edge is not repeated every 2 s.
 */
function refreshSupervisions() {
  if (supervisionsReading) {
    readAgain = true;
    return supervisionsReading;
  }
  supervisionsReading = (async () => {
    let read = [];
    let problem = '';
    try {
      read = await api.get('/supervisions');
    } catch (e) {
      problem = 'Supervision: ' + e.message;
    }
    // redrawn only on a change: a button redrawn under the pointer would lose its click
    if (JSON.stringify(read) !== JSON.stringify(supervisions) || problem !== byId('supervision-status').textContent) {
      supervisions = read;
      fill('supervision-status', problem);
      renderAgents();
    }
  })().finally(() => {
    supervisionsReading = null;
    if (readAgain) {
      readAgain = false;
      refreshSupervisions();
    }
  });
  return supervisionsReading;
}

/** Who supervises the call, e.g. "1002 listening (ringing)". */
function supervisionState(callId) {
  return supervisions.filter((s) => s.callId === callId)
    .map((s) => s.extension + ' ' + modeOf(s.mode).doing + (s.connected ? '' : ' (ringing)')).join('; ');
}

/** Rings the supervisor's phone into the agent's call, or changes the mode when it is in the call already. */
async function supervise(agent, mode) {
  const extension = myExtension();
  if (!extension) {
    byId('my-extension').focus();
    throw new Error('Enter your phone\'s extension in "My phone (extension)" first: the server rings that phone '
      + 'to ' + mode.to + ' the call of agent ' + agent.agentId + '.');
  }
  const already = supervisions.some((s) => s.callId === agent.callId && s.extension === extension);
  await api.post('/calls/' + segment(agent.callId) + '/supervision', { extension, mode: mode.mode });
  showNotice(already ? 'Your phone ' + extension + ' is now ' + mode.doing + ' on the call of agent ' + agent.agentId
    : 'Your phone ' + extension + ' rings: answer it to ' + mode.to + ' the call of agent ' + agent.agentId);
  await refreshSupervisions();
}

async function leave(agent, extension) {
  await api.del('/calls/' + segment(agent.callId) + '/supervision/' + segment(extension));
  showNotice('Your phone ' + extension + ' left the call of agent ' + agent.agentId);
  await refreshSupervisions();
}

/** The call's supervision state and the buttons; they act only while the agent is on a call. */
function supervisionCell(agent) {
  const onCall = Boolean(agent.callId) && stateKey(agent.state) === 'on-call';
  const extension = myExtension();
  const mine = onCall ? supervisions.find((s) => s.callId === agent.callId && s.extension === extension) : null;
  const buttons = MODES.map((mode) => {
    const button = el('button', {
      type: 'button',
      disabled: !onCall,
      title: onCall ? null : 'Agent ' + agent.agentId + ' is not on a call',
      'aria-pressed': mine ? String(mine.mode === mode.mode) : null,
      'aria-label': mode.label + ' on the call of agent ' + agent.agentId,
      'data-mode': mode.mode,
    }, mode.label);
    if (onCall) {
      action(button, () => supervise(agent, mode));
    }
    return button;
  });
  if (mine) {
    const button = el('button', { type: 'button', class: 'danger',
      'aria-label': 'Leave the call of agent ' + agent.agentId }, 'Leave');
    action(button, () => leave(agent, mine.extension));
    buttons.push(button);
  }
  const state = onCall ? supervisionState(agent.callId) : '';
  return el('div', {},
    state ? el('p', { id: 'agent-' + agent.agentId + '-supervision', style: 'margin:0 0 0.3rem' }, state) : '',
    el('span', { class: 'cell-buttons' }, buttons));
}

/** Pause and resume of the call's recording (a card number being read out): silence is recorded meanwhile. */
function recordingButtons(agent) {
  return ['pause', 'resume'].map((what) => {
    const label = what === 'pause' ? 'Pause rec.' : 'Resume rec.';
    const button = el('button', { type: 'button', 'aria-label': label + ' of the call of agent ' + agent.agentId },
      label);
    action(button, async () => {
      await api.post('/calls/' + segment(agent.callId) + '/recording/' + what, {});
    });
    return button;
  });
}

function renderAgents() {
  const list = [...agents.values()].sort((a, b) => a.agentId.localeCompare(b.agentId));
  const counts = {};
  list.forEach((a) => { counts[stateKey(a.state)] = (counts[stateKey(a.state)] || 0) + 1; });
  fill('agent-summary', Object.entries(counts).map(([state, n]) =>
    el('span', { class: 'summary-item' }, stateBadge(state), ' × ' + n)));
  fill('agents', table('Agents by state', ['Agent', 'Name', 'State', 'Time in state', 'Queues', 'Call', 'Supervision'],
    list.map((a) => [
      a.agentId,
      a.name || '',
      el('span', { id: 'agent-' + a.agentId + '-state' }, stateBadge(a.state, a.pauseReason)),
      a.since ? el('span', { 'data-since': a.since }, duration(secondsSince(a.since))) : '–',
      (a.queues || []).map((q) => (typeof q === 'string' ? q : q.name)).join(', '),
      a.callId ? el('span', { class: 'cell-buttons' }, a.callId, ' ', recordingButtons(a)) : '',
      supervisionCell(a),
    ]), 'No agents configured.'));
}

/** The event says what changed; the agent's whole view (queues, call) is read again after it. */
async function refreshAgent(agentId) {
  try {
    agents.set(agentId, await api.get('/agents/' + segment(agentId)));
    renderAgents();
  } catch (e) {
    showError(e);
  }
}

async function start() {
  await startPage(['supervisor', 'admin']);
  const [queues, agentList] = await Promise.all([api.get('/queues'), api.get('/agents')]);
  renderQueues(queues);
  agentList.forEach((a) => agents.set(a.agentId, a));
  const extension = byId('my-extension');
  extension.value = rememberedExtension();
  extension.addEventListener('input', () => {
    rememberExtension();
    renderAgents();
  });
  renderAgents();
  await refreshSupervisions();
  connectLive({
    queues: (update) => {
      renderQueues(update);
      if (supervisions.length > 0 || [...agents.values()].some((a) => a.callId)) {
        refreshSupervisions();
      }
    },
    agent: (event) => {
      agents.set(event.agentId, { ...(agents.get(event.agentId) || { agentId: event.agentId }), ...event });
      renderAgents();
      refreshAgent(event.agentId);
    },
    call: (event) => {
      const agent = event.agentId && agents.get(event.agentId);
      if (agent) {
        agent.callId = event.type === 'ENDED' ? null : event.callId;
        renderAgents();
      }
      refreshSupervisions();
    },
  });
  tickClocks();
}

start().catch((e) => {
  if (e.message !== 'not logged in' && e.message !== 'wrong role') {
    showError(e);
  }
});
