// Reports: call record search with CSV export, the day's charts (calls per hour, service level, agent workload)
// and the CRM's complaints (open tickets) and leads. Chart.js is the global Chart of lib/chart.umd.js.
import { api, csvUrl, query } from './api.js';
import { byId, duration, el, fill, options, percent, showError, startPage, table, time } from './ui.js';

const charts = {};

function localDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
}

function isoOrEmpty(local) {
  return local ? new Date(local).toISOString() : '';
}

function filter() {
  return {
    from: isoOrEmpty(byId('cdr-from').value),
    to: isoOrEmpty(byId('cdr-to').value),
    queue: byId('cdr-queue').value,
    agent: byId('cdr-agent').value.trim(),
    disposition: byId('cdr-disposition').value.trim(),
    number: byId('cdr-number').value.trim(),
    limit: 500,
  };
}

async function searchCalls() {
  const f = filter();
  byId('cdr-csv').href = csvUrl(f);
  const calls = await api.get('/calls' + query(f));
  fill('cdr-count', calls.length + ' call(s)' + (calls.length === f.limit ? ' (first ' + f.limit + ' shown)' : ''));
  fill('cdr-results', table('Call records',
    ['Arrived', 'Call', 'Caller', 'Called', 'Queue', 'Agent', 'Disposition', 'Wrap-up', 'Notes', 'Wait', 'Talk'],
    calls.map((c) => {
      const v = c.variables || {};
      const disposition = String(c.disposition || c.state || '').toLowerCase().replace(/_/g, '-');
      return [time(c.arrivedAt), c.callId, c.ani || '', c.dnis || '', c.queue || '', c.agentId || '', disposition,
        v['wrapup.code'] || '', v['crm.notes'] || '', duration(c.waitSeconds), duration(c.talkSeconds)];
    }), 'No calls match.'));
}

/** Draws (or redraws) a chart; the legend and dataset styles differ in shape and dash, not only in colour. */
function draw(id, config) {
  if (typeof Chart === 'undefined') {
    return;
  }
  if (charts[id]) {
    charts[id].destroy();
  }
  charts[id] = new Chart(byId(id), {
    ...config,
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { labels: { usePointStyle: true } } },
      ...config.options,
    },
  });
}

async function showDay() {
  const date = byId('day-date').value;
  const queue = byId('day-queue').value;
  const [hourly, agentRows] = await Promise.all([
    api.get('/reports/hourly' + query({ date, queue })), api.get('/reports/agents' + query({ date }))]);
  const hours = hourly.map((h) => String(h.hour).padStart(2, '0') + ':00');
  draw('chart-calls', {
    type: 'bar',
    data: {
      labels: hours,
      datasets: [
        { label: 'Offered', data: hourly.map((h) => h.offered), backgroundColor: '#6b8fb8', pointStyle: 'rect' },
        { label: 'Answered', data: hourly.map((h) => h.answered), backgroundColor: '#2f7a45', pointStyle: 'circle' },
        { label: 'Abandoned', data: hourly.map((h) => h.abandoned), backgroundColor: '#b3261e',
          pointStyle: 'triangle' },
      ],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  draw('chart-sl', {
    type: 'line',
    data: {
      labels: hours,
      // an hour without calls has no service level to draw
      datasets: [{ label: 'Service level %', data: hourly.map((h) => (h.offered > 0 ? h.serviceLevelPercent : null)),
        borderColor: '#0b5cad',
        pointStyle: 'rectRot', pointRadius: 4, spanGaps: false }],
    },
    options: { scales: { y: { min: 0, max: 100 } } },
  });
  fill('hourly-table', table('Calls per hour', ['Hour', 'Offered', 'Answered', 'Abandoned', 'Service level'],
    hourly.map((h, i) => [hours[i], String(h.offered), String(h.answered), String(h.abandoned),
      h.offered > 0 ? percent(h.serviceLevelPercent) : '–']), 'No calls that day.'));
  draw('chart-agents', {
    type: 'bar',
    data: {
      labels: agentRows.map((a) => a.agentId),
      datasets: [
        { label: 'Calls answered', data: agentRows.map((a) => a.callsAnswered), backgroundColor: '#6b8fb8',
          pointStyle: 'rect', yAxisID: 'calls' },
        { label: 'Occupancy %', data: agentRows.map((a) => a.occupancyPercent), backgroundColor: '#c98a1b',
          pointStyle: 'triangle', yAxisID: 'percent' },
      ],
    },
    options: {
      scales: {
        calls: { position: 'left', beginAtZero: true, ticks: { precision: 0 } },
        percent: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false } },
      },
    },
  });
  fill('agents-table', table('Agent workload', ['Agent', 'Name', 'Answered', 'Talk time', 'Occupancy'],
    agentRows.map((a) => [a.agentId, a.name || '', String(a.callsAnswered), duration(a.talkSeconds),
      percent(a.occupancyPercent)]), 'No agent worked that day.'));
}

async function showCrmLists() {
  const [tickets, leads] = await Promise.allSettled([api.get('/crm/tickets?open=true'), api.get('/crm/leads')]);
  fill('tickets', tickets.status === 'fulfilled'
    ? table('Open tickets', ['Ticket', 'Customer', 'Subject', 'Status', 'Opened'],
      tickets.value.map((t) => [t.id || '', t.customerName || t.customerId || '', t.subject || t.title || '',
        String(t.status || ''), time(t.openedAt || t.createdAt)]), 'No open tickets.')
    : el('p', { class: 'empty' }, 'Tickets cannot be shown: ' + tickets.reason.message));
  fill('leads', leads.status === 'fulfilled'
    ? table('Leads', ['Lead', 'Name', 'Phone', 'Status', 'Campaign'],
      leads.value.map((l) => [l.id || '', l.name || '', l.phone || '', String(l.status || ''),
        l.campaign || l.source || '']), 'No leads.')
    : el('p', { class: 'empty' }, 'Leads cannot be shown: ' + leads.reason.message));
}

function guard(work) {
  return (event) => {
    event.preventDefault();
    work().catch(showError);
  };
}

async function start() {
  await startPage(['supervisor', 'admin']);
  const today = new Date();
  const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  byId('cdr-from').value = localDate(midnight) + 'T00:00';
  byId('day-date').value = today.toISOString().slice(0, 10);
  const queues = (await api.get('/queues')).map((q) => q.name);
  options(byId('cdr-queue'), queues, 'All queues');
  options(byId('day-queue'), queues, 'All queues');
  byId('cdr-form').addEventListener('submit', guard(searchCalls));
  byId('day-form').addEventListener('submit', guard(showDay));
  if (typeof Chart === 'undefined') {
    showError('Charts cannot be drawn: lib/chart.umd.js did not load. The tables below still show the figures.');
  }
  await Promise.all([searchCalls().catch(showError), showDay().catch(showError), showCrmLists()]);
}

start().catch((e) => {
  if (e.message !== 'not logged in' && e.message !== 'wrong role') {
    showError(e);
  }
});
