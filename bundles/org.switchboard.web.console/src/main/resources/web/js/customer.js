// The customer card of a screen pop: who is calling, how important they are, who owns them, their open tickets
// and their last interactions with the call center.
import { el, table, time } from './ui.js';

/** Accepts the card flat (id, name, ..., openTickets) or as the CRM gives it ({customer: {...}, openTickets}). */
function normalise(card) {
  if (card.customer && typeof card.customer === 'object') {
    return { ...card.customer, ...card, customer: undefined };
  }
  return card;
}

function owner(card) {
  if (typeof card.owner === 'string') {
    return card.owner;
  }
  return [card.ownerAgent, card.ownerTeam].filter(Boolean).join(' / ');
}

export function customerCard(raw) {
  if (!raw) {
    return el('p', { class: 'empty', id: 'customer-unknown' }, 'Caller not found in the CRM.');
  }
  const card = normalise(raw);
  const vip = Number(card.vipLevel || 0);
  const contacts = (card.contacts || []).map((c) =>
    [c.name, c.role && '(' + c.role + ')', c.phone, c.email].filter(Boolean).join(' '));
  const interactions = card.lastInteractions || [];
  return el('div', { id: 'customer', 'data-customer-id': card.id },
    el('dl', { class: 'facts' },
      el('dt', {}, 'Name'), el('dd', { id: 'customer-name' }, card.name),
      el('dt', {}, 'Customer id'), el('dd', {}, card.id || ''),
      el('dt', {}, 'VIP level'), el('dd', { class: vip > 0 ? 'vip' : null }, vip > 0 ? '★ ' + vip : '0 (regular)'),
      el('dt', {}, 'Region'), el('dd', {}, card.region || '–'),
      el('dt', {}, 'Owner'), el('dd', {}, owner(card) || '–'),
      el('dt', {}, 'Phones'), el('dd', {}, (card.phones || []).join(', ') || '–'),
      el('dt', {}, 'Contacts'), el('dd', {}, contacts.join('; ') || '–'),
      el('dt', {}, 'Open tickets'), el('dd', {}, String(card.openTickets ?? 0)),
      el('dt', {}, 'Previous agent'), el('dd', {}, card.previousAgent || card.lastAgent || '–')),
    el('h3', {}, 'Last interactions'),
    table('Last interactions of ' + card.name, ['When', 'Queue', 'Agent', 'Disposition', 'Notes'],
      interactions.map((i) => [time(i.startedAt), i.queue || '', i.agentId || '', i.disposition || '', i.notes || '']),
      'No earlier interactions.'));
}
