// Administration: queues (and their strategy, swapped live), agents and skills, pause codes, IVR flows
// (upload, validate, activate), installed strategies, the CRM adapter, trunks and users. Every change is a PUT
// that the server applies through Config Admin, so what this page shows is what etc/ holds.
import { api, segment } from './api.js';
import { byId, el, fill, options, showError, showNotice, startPage, table } from './ui.js';

const SECTIONS = ['queues', 'agents', 'pause-codes', 'flows', 'strategies', 'crm', 'trunks', 'users'];
const loaders = {};
const loaded = new Set();

function showSection() {
  const wanted = SECTIONS.includes(window.location.hash.slice(1)) ? window.location.hash.slice(1) : 'queues';
  for (const id of SECTIONS) {
    byId(id).hidden = id !== wanted;
  }
  for (const link of byId('tabs').querySelectorAll('a')) {
    link.setAttribute('aria-current', link.getAttribute('href') === '#' + wanted ? 'true' : 'false');
  }
  if (!loaded.has(wanted)) {
    loaded.add(wanted);
    loaders[wanted]().catch((e) => {
      loaded.delete(wanted);
      showError(e);
    });
  }
}

/** On submit: no page reload, the work runs, its errors are shown. */
function onSubmit(form, work) {
  byId(form).addEventListener('submit', (event) => {
    event.preventDefault();
    work().catch(showError);
  });
}

// ---- Configuration forms: one input per key of the configuration, values written back with their types ----

function asText(value) {
  if (Array.isArray(value)) {
    return value.join(', ');
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => k + ':' + v).join(', ');
  }
  return value === null || value === undefined ? '' : String(value);
}

function fromText(text, original) {
  const items = () => text.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(original)) {
    return items();
  }
  if (original && typeof original === 'object') {
    return Object.fromEntries(items().map((item) => {
      const [k, v] = item.split(':').map((s) => s.trim());
      return [k, Number.isNaN(Number(v)) ? v : Number(v)];
    }));
  }
  if (typeof original === 'number') {
    return text.trim() === '' ? null : Number(text);
  }
  if (typeof original === 'boolean') {
    return text.trim() === 'true';
  }
  return text;
}

const READ_ONLY = new Set(['name', 'id', 'service.pid', 'service.factoryPid', 'felix.fileinstall.filename']);

function configForm(container, config) {
  fill(container, Object.entries(config).map(([key, value]) =>
    el('label', {}, key,
      el('input', { name: key, value: asText(value), 'data-key': key, readonly: READ_ONLY.has(key),
        'aria-describedby': null }))));
}

function readForm(container, original) {
  const result = {};
  for (const input of byId(container).querySelectorAll('input[data-key]')) {
    const key = input.dataset.key;
    result[key] = fromText(input.value, original[key]);
  }
  return result;
}

function markField(container, field) {
  for (const input of byId(container).querySelectorAll('input[data-key]')) {
    input.setAttribute('aria-invalid', input.dataset.key === field ? 'true' : 'false');
    if (input.dataset.key === field) {
      input.focus();
    }
  }
}

async function saveConfig(container, path, original, what) {
  try {
    const saved = await api.put(path, readForm(container, original));
    showNotice(what + ' saved');
    return saved;
  } catch (e) {
    if (e.field) {
      markField(container, e.field);
    }
    throw e;
  }
}

// ---- Queues and strategies ----

let queueConfig = {};

async function loadQueue() {
  const name = byId('queue-select').value;
  const [config, queues, strategies] = await Promise.all([
    api.get('/admin/queues/' + segment(name)), api.get('/queues'), api.get('/strategies')]);
  queueConfig = config;
  configForm('queue-fields', config);
  const queue = queues.find((q) => q.name === name) || {};
  byId('strategy-in-use').textContent = queue.strategyInUse || queue.strategy || '–';
  options(byId('strategy-select'), strategies.map((s) => s.name));
  byId('strategy-select').value = queue.strategy || '';
  byId('queue-fields').dataset.queue = name;
}

loaders.queues = async () => {
  options(byId('queue-select'), (await api.get('/queues')).map((q) => q.name));
  byId('queue-select').addEventListener('change', () => loadQueue().catch(showError));
  byId('strategy-apply').addEventListener('click', async () => {
    const name = byId('queue-select').value;
    const strategy = byId('strategy-select').value;
    try {
      const queue = await api.put('/queues/' + segment(name) + '/strategy', { strategy });
      showNotice('Queue ' + name + ' now routes with ' + (queue && queue.strategy ? queue.strategy : strategy));
      await loadQueue();
    } catch (e) {
      showError(e);
    }
  });
  onSubmit('queue-form', async () => {
    await saveConfig('queue-fields', '/admin/queues/' + segment(byId('queue-select').value), queueConfig,
      'Queue ' + byId('queue-select').value);
    await loadQueue();
  });
  await loadQueue();
};

// ---- Agents ----

let agentConfig = {};

async function loadAgent() {
  agentConfig = await api.get('/admin/agents/' + segment(byId('agent-select').value));
  configForm('agent-fields', agentConfig);
}

loaders.agents = async () => {
  const agents = await api.get('/agents');
  options(byId('agent-select'), agents.map((a) => ({ value: a.agentId, label: a.agentId + ' ' + (a.name || '') })));
  byId('agent-select').addEventListener('change', () => loadAgent().catch(showError));
  onSubmit('agent-form', async () => {
    await saveConfig('agent-fields', '/admin/agents/' + segment(byId('agent-select').value), agentConfig,
      'Agent ' + byId('agent-select').value);
    await loadAgent();
  });
  await loadAgent();
};

// ---- Pause codes: the server's answer is a list, or an object holding one ----

let pauseShape = null;

function reasonsOf(data) {
  if (Array.isArray(data)) {
    return data;
  }
  const key = Object.keys(data).find((k) => Array.isArray(data[k]) || typeof data[k] === 'string');
  pauseShape = key;
  return Array.isArray(data[key]) ? data[key] : String(data[key]).split(',').map((s) => s.trim());
}

loaders['pause-codes'] = async () => {
  const reasons = reasonsOf(await api.get('/admin/pause-reasons'));
  byId('pause-reasons').value = reasons.map((r) => (typeof r === 'string' ? r : r.name || r.code)).join('\n');
  onSubmit('pause-form', async () => {
    const list = byId('pause-reasons').value.split('\n').map((s) => s.trim()).filter(Boolean);
    await api.put('/admin/pause-reasons', pauseShape ? { [pauseShape]: list } : list);
    showNotice('Pause codes saved: ' + list.join(', '));
  });
};

// ---- IVR flows ----

async function listFlows() {
  const answer = await api.get('/admin/flows');
  const flows = Array.isArray(answer) ? answer : answer.flows;
  fill('flow-list', answer.directory ? el('p', {}, 'Flows are read from ' + answer.directory) : '',
    table('IVR flows', ['Flow', 'Numbers', 'State'],
    flows.map((f) => {
      const flow = typeof f === 'string' ? { name: f } : f;
      return [
        el('button', { type: 'button', onclick: () => editFlow(flow).catch(showError) }, flow.name),
        asText(flow.numbers || ''), flow.problems && flow.problems.length ? '⚠ ' + flow.problems.join('; ')
          : '✔ loaded'];
    }), 'No flows in etc/ivr.'));
}

async function editFlow(flow) {
  byId('flow-name').value = flow.name;
  if (flow.yaml || flow.text || flow.source) {
    byId('flow-yaml').value = flow.yaml || flow.text || flow.source;
  }
}

function showProblems(problems) {
  fill('flow-problems', problems.length === 0
    ? el('p', { class: 'message notice' }, '✔ The flow is valid.')
    : el('ul', { class: 'problems', 'aria-label': 'Problems in the flow' },
      problems.map((p) => el('li', {}, '⚠ ' + (typeof p === 'string' ? p : p.message || JSON.stringify(p))))));
}

loaders.flows = async () => {
  byId('flow-file').addEventListener('change', async () => {
    const file = byId('flow-file').files[0];
    if (file) {
      byId('flow-yaml').value = await file.text();
      if (!byId('flow-name').value) {
        byId('flow-name').value = file.name.replace(/\.ya?ml$/, '');
      }
    }
  });
  byId('flow-check').addEventListener('click', async () => {
    try {
      const result = await api.postText('/admin/flows/' + segment(byId('flow-name').value) + '/check',
        byId('flow-yaml').value);
      showProblems(result.problems || []);
    } catch (e) {
      showError(e);
    }
  });
  onSubmit('flow-form', async () => {
    try {
      await api.putText('/admin/flows/' + segment(byId('flow-name').value), byId('flow-yaml').value);
      showProblems([]);
      showNotice('Flow ' + byId('flow-name').value + ' activated');
      await listFlows();
    } catch (e) {
      if (e.status === 400) {
        showProblems(e.body && e.body.problems && e.body.problems.length ? e.body.problems : [e.message]);
      }
      throw e;
    }
  });
  await listFlows();
};

// ---- Strategies, CRM, trunks, users ----

loaders.strategies = async () => {
  const strategies = await api.get('/strategies');
  fill('strategy-list', table('Installed strategies', ['Strategy', 'Bundle', 'Version', 'Queues using it'],
    strategies.map((s) => [s.name, s.bundle || '', s.version || '', (s.queues || []).join(', ')]),
    'No strategies installed: queues use the distributor\'s built-in longest-idle choice.'));
};

loaders.crm = async () => {
  const crm = await api.get('/admin/crm');
  byId('crm-adapter').value = crm.adapter || '';
  if (crm.adapters) {
    fill('crm-adapters', crm.adapters.map((name) => el('option', { value: name })));
  }
  onSubmit('crm-form', async () => {
    const saved = await api.put('/admin/crm', { adapter: byId('crm-adapter').value.trim() });
    showNotice('CRM adapter in use: ' + saved.adapter
      + (saved.registered === false ? ' (not installed yet: calls are looked up when it is)' : ''));
  });
};

loaders.trunks = async () => {
  byId('trunk-sources').value = asText((await api.get('/admin/trunks')).trunkSources);
  onSubmit('trunks-form', async () => {
    await api.put('/admin/trunks', { trunkSources: byId('trunk-sources').value.trim() });
    showNotice('Trunk sources saved');
  });
};

async function listUsers() {
  const users = await api.get('/admin/users');
  fill('user-list', table('Users', ['User (choose to change)', 'Roles'],
    users.map((u) => [el('button', { type: 'button', onclick: () => editUser(u) }, u.name),
      (u.roles || []).join(', ')]), 'No users.'));
}

function editUser(user) {
  byId('user-name').value = user.name;
  for (const box of document.querySelectorAll('input[name=role]')) {
    box.checked = (user.roles || []).includes(box.value);
  }
  byId('user-password').focus();
}

loaders.users = async () => {
  onSubmit('user-form', async () => {
    const name = byId('user-name').value.trim();
    const roles = [...document.querySelectorAll('input[name=role]:checked')].map((box) => box.value);
    const body = { roles };
    if (byId('user-password').value) {
      body.password = byId('user-password').value;
    }
    await api.put('/admin/users/' + segment(name), body);
    byId('user-password').value = '';
    showNotice('User ' + name + ' saved with roles ' + (roles.join(', ') || 'none'));
    await listUsers();
  });
  await listUsers();
};

async function start() {
  await startPage(['admin']);
  window.addEventListener('hashchange', showSection);
  showSection();
}

start().catch((e) => {
  if (e.message !== 'not logged in' && e.message !== 'wrong role') {
    showError(e);
  }
});
