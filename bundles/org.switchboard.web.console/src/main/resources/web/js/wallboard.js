// The supervisor's wallboard: per queue waiting callers, longest wait, service level, ASA, AHT and abandon rate;
// the agents by state with time in state. Kept live by the event stream (queues every 2 s, agents at once).
import { api, segment } from './api.js';
import {
  action, byId, connectLive, duration, el, fill, percent, secondsSince, showError, startPage, stateBadge, stateKey, table,
  tickClocks,
} from './ui.js';

const SUPERVISION_MISSING = 'available when supervision is installed';
const agents = new Map();

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

function supervisionButtons(agent) {
  return ['Listen in', 'Whisper', 'Barge'].map((label) =>
    el('button', { type: 'button', disabled: true, title: SUPERVISION_MISSING,
      'aria-label': label + ' on agent ' + agent.agentId + ' (' + SUPERVISION_MISSING + ')' }, label));
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
      el('span', { class: 'cell-buttons' }, supervisionButtons(a)),
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
  renderAgents();
  connectLive({
    queues: renderQueues,
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
    },
  });
  tickClocks();
}

start().catch((e) => {
  if (e.message !== 'not logged in' && e.message !== 'wrong role') {
    showError(e);
  }
});
