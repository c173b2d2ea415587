import '../src/define.js';
import type { SmsProvider } from '../src/index.js';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;

/** People a tester can text: the simulator's magic numbers and a few seeded contacts. */
const CONTACTS = [
  ['+14155550142', 'Dana (replies)'],
  ['+14155550161', 'Landline (30006)'],
  ['+14155550162', 'Spam filter (30007)'],
  ['+14155550163', 'Opted out at carrier (21610)'],
  ['+14155550164', 'Unreachable (30003)'],
  ['+14155550165', 'Unknown failure (30008)'],
  ['+447700900123', 'UK mobile'],
  ['+61412000111', 'Australian mobile'],
  ['+4915112345678', 'German mobile (unsupported)'],
] as const;

const provider = $<SmsProvider>('#provider');
const userSelect = $<HTMLSelectElement>('#user');
const token = localStorage.getItem('sms-demo-token') ?? 'demo-alice';

async function main() {
  if (import.meta.env.VITE_SMS_MOCK) await (await import('./mock.js')).startMockApi();
  userSelect.value = token;
  provider.setAttribute('api-base', location.origin);
  provider.token = token;
  userSelect.addEventListener('change', () => {
    localStorage.setItem('sms-demo-token', userSelect.value);
    location.reload();
  });
  wireViews();
  wireLead();
  wireInbox();
  wireSettings();
  wireTheme();
  await wireSimulator();
}

function wireViews() {
  const show = () => {
    const name = location.hash.slice(1) || 'lead';
    for (const view of document.querySelectorAll<HTMLElement>('.view')) view.hidden = view.id !== `view-${name}`;
    for (const link of document.querySelectorAll('nav a')) {
      link.toggleAttribute('aria-current', link.getAttribute('href') === `#${name}`);
    }
  };
  addEventListener('hashchange', show);
  show();
}

function wireLead() {
  const select = $<HTMLSelectElement>('#lead-contact');
  for (const [e164, name] of CONTACTS) select.add(new Option(`${name} · ${e164}`, e164));
  const open = () => {
    $('#lead-thread').setAttribute('contact', select.value);
    $('#lead-composer').setAttribute('to', select.value);
  };
  select.addEventListener('change', open);
  open();
}

function wireInbox() {
  $('#inbox').addEventListener('sms-conversation-select', (event) => {
    const { contact } = event.detail;
    $('#inbox-empty').hidden = true;
    for (const id of ['#inbox-thread', '#inbox-composer']) $<HTMLElement>(id).hidden = false;
    $('#inbox-thread').setAttribute('contact', contact);
    $('#inbox-composer').setAttribute('to', contact);
  });
}

function wireSettings() {
  $('#rent').addEventListener('sms-number-rented', (event) => {
    $('#rented').textContent = `Rented ${event.detail.number.e164}.`;
  });
}

function wireTheme() {
  const form = $<HTMLFormElement>('#theme-form');
  const apply = () => {
    for (const field of form.elements as unknown as Iterable<HTMLInputElement | HTMLSelectElement>) {
      if (!field.name) continue;
      if (field.name.startsWith('--')) {
        const unit = field.dataset.unit ?? '';
        if (field.value) provider.style.setProperty(field.name, field.value + unit);
        else provider.style.removeProperty(field.name);
      } else if (field.value) provider.setAttribute(field.name, field.value);
      else provider.removeAttribute(field.name);
    }
  };
  form.addEventListener('input', apply);
  form.addEventListener('reset', () => {
    provider.removeAttribute('style');
    setTimeout(apply);
  });
}

async function wireSimulator() {
  const form = $<HTMLFormElement>('#simulator-form');
  const status = $('#simulator-status');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const me = await (await fetch('/v1/me', { headers })).json();
  const to = $<HTMLSelectElement>('#simulator-to');
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
    const response = await fetch('/v1/simulator/inbound', { method: 'POST', headers, body: JSON.stringify(inbound) });
    status.textContent = response.ok
      ? `Delivered “${body}” from ${inbound.from} to ${inbound.to}.`
      : `The simulator refused it: ${(await response.json()).error.message}`;
  });
}

main();
