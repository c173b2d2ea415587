import '../src/define.js';
import type { SmsProvider } from '../src/index.js';
import { registerMessages } from '../src/elements/internal/localize.js';
import { fr } from '../src/elements/internal/locales/fr.js';
import { he } from '../src/elements/internal/locales/he.js';

// The theme playground switches locales, so the demo ships every catalog.
registerMessages('fr', fr);
registerMessages('he', he);

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

/** People a tester can text: the simulator's magic recipients and a few others. */
const CONTACTS = [
  ['+14155550142', 'Replies within seconds'],
  ['+14155550161', 'Landline: fails 30006'],
  ['+14155550162', 'Spam filter: fails 30007'],
  ['+14155550163', 'Opted out at the carrier: fails 21610'],
  ['+14155550164', 'Unreachable: fails 30003'],
  ['+14155550165', 'Unknown failure: fails 30008'],
  ['+14155550123', 'US mobile: delivered'],
  ['+447400654321', 'UK mobile: delivered'],
  ['+61412000111', 'Australian mobile: delivered'],
  ['+4915112345678', 'German mobile: unsupported country'],
] as const;

const VIEWS = ['lead', 'inbox', 'settings', 'theme', 'simulator'] as const;
const TOKEN_KEY = 'sms-demo-token';

const provider = $<SmsProvider>('#provider');
const token = localStorage.getItem(TOKEN_KEY) ?? 'demo-alice';
/** The stub serves the page and the API from one origin; the static build answers the same URLs in the page. */
const apiBase = location.origin;

async function main() {
  wireUser();
  wireLead();
  wireViews();
  wireInbox();
  wireSettings();
  wireTheme();
  if (import.meta.env.VITE_SMS_MOCK) await (await import('./mock.js')).startMockApi(apiBase);
  provider.setAttribute('api-base', apiBase);
  provider.token = token;
  await wireSimulator();
}

/** Switching user reloads the page, as signing in as someone else would. */
function wireUser() {
  const select = $<HTMLSelectElement>('#user');
  select.value = token;
  select.addEventListener('change', () => {
    localStorage.setItem(TOKEN_KEY, select.value);
    location.reload();
  });
}

/** `#lead`, `#inbox`, …; `#lead/+14155550161` opens the lead page on that contact. */
function wireViews() {
  const show = () => {
    const [name, contact] = location.hash.slice(1).split('/');
    const view = (VIEWS as readonly string[]).includes(name!) ? name : 'lead';
    for (const section of document.querySelectorAll<HTMLElement>('.view')) section.hidden = section.id !== `view-${view}`;
    for (const link of document.querySelectorAll('nav a')) {
      if (link.getAttribute('href') === `#${view}`) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    if (view === 'lead' && contact) openLead(decodeURIComponent(contact));
  };
  addEventListener('hashchange', show);
  show();
}

function openLead(contact: string) {
  const select = $<HTMLSelectElement>('#lead-contact');
  if (![...select.options].some((option) => option.value === contact)) select.add(new Option(contact, contact));
  select.value = contact;
  $('#lead-thread').setAttribute('contact', contact);
  $('#lead-composer').setAttribute('to', contact);
}

function wireLead() {
  const select = $<HTMLSelectElement>('#lead-contact');
  for (const [e164, name] of CONTACTS) select.add(new Option(`${e164} · ${name}`, e164));
  const list = $('#contacts');
  for (const [e164, name] of CONTACTS) list.append(new Option(name, e164));
  select.addEventListener('change', () => openLead(select.value));
  openLead(select.value);
}

function wireInbox() {
  $('#inbox').addEventListener('sms-conversation-select', (event) => {
    const { contact } = event.detail;
    $('#inbox-empty').hidden = true;
    for (const id of ['#inbox-thread', '#inbox-composer']) $(id).hidden = false;
    $('#inbox-thread').setAttribute('contact', contact);
    $('#inbox-composer').setAttribute('to', contact);
  });
}

function wireSettings() {
  $('#settings-select').addEventListener('sms-number-change', (event) => {
    $('#chosen').textContent = `Default number: ${event.detail.number.label} (${event.detail.number.e164}).`;
  });
}

/** Every field of the form is a provider attribute (`theme`, `locale`, `dir`) or a `--sms-*` property. */
function wireTheme() {
  const form = $<HTMLFormElement>('#theme-form');
  const apply = () => {
    for (const field of form.elements as unknown as Iterable<HTMLInputElement | HTMLSelectElement>) {
      if (!field.name) continue;
      const value = field.value && field.name.startsWith('--') ? field.value + (field.dataset.unit ?? '') : field.value;
      if (field.name.startsWith('--')) {
        if (value && field.dataset.touched) provider.style.setProperty(field.name, value);
        else provider.style.removeProperty(field.name);
      } else if (value) provider.setAttribute(field.name, value);
      else provider.removeAttribute(field.name);
    }
  };
  // A colour input always has a value: only the ones the tester moved override the theme's own tokens.
  form.addEventListener('input', (event) => {
    (event.target as HTMLElement).dataset.touched = 'true';
    apply();
  });
  form.addEventListener('reset', () => {
    for (const field of form.querySelectorAll<HTMLElement>('[data-touched]')) delete field.dataset.touched;
    setTimeout(apply);
  });
}

async function wireSimulator() {
  const form = $<HTMLFormElement>('#simulator-form');
  const status = $('#simulator-status');
  const to = $<HTMLSelectElement>('#simulator-to');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const me = await fetch(`${apiBase}/v1/me`, { headers }).then((response) => response.json());
  for (const number of me.numbers) {
    if (number.capabilities.sms && number.kind !== 'external') to.add(new Option(`${number.label} · ${number.e164}`, number.e164));
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const kind = (event.submitter as HTMLButtonElement).value;
    const data = new FormData(form);
    const body = kind === 'text' || kind === 'mms' ? String(data.get('body')) : kind;
    const inbound = {
      from: String(data.get('from')),
      to: to.value,
      body,
      ...(kind === 'mms' ? { mediaTypes: ['image/png', 'application/pdf'] } : {}),
    };
    status.textContent = 'Sending…';
    const response = await fetch(`${apiBase}/v1/simulator/inbound`, { method: 'POST', headers, body: JSON.stringify(inbound) });
    status.textContent = response.ok
      ? `${inbound.from} texted “${body}” to ${inbound.to}.`
      : `The simulator refused it: ${(await response.json()).error.message}`;
  });
}

main();
