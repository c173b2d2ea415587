/** The rules demo page: the seed numbers, a draft form, and the rules' answer on every keystroke. */
import { analyzeMessage, hasGsmFix, toGsm, validateSend, type Attachment, type PhoneNumber } from '../src/rules/index.js';

/** The demo seed's numbers of workspace Acme, with their owners or members. */
const SEED: (Omit<PhoneNumber, 'member'> & { users: string[] })[] = [
  { id: '1', e164: '+14155550100', country: 'US', label: 'Alice (US)', kind: 'personal', users: ['alice'], capabilities: { sms: true, mms: true, voice: true } },
  { id: '2', e164: '+447400123456', country: 'GB', label: 'Alice (UK)', kind: 'personal', users: ['alice'], capabilities: { sms: true, mms: false, voice: true } },
  { id: '3', e164: '+14155550101', country: 'US', label: 'Sales line', kind: 'group', users: ['alice', 'bob'], capabilities: { sms: true, mms: true, voice: true } },
  { id: '4', e164: '+61412345678', country: 'AU', label: 'Support AU', kind: 'group', users: ['bob'], capabilities: { sms: true, mms: false, voice: true } },
  { id: '5', e164: '+14155550102', country: 'US', label: 'Front desk', kind: 'personal', users: ['alice'], capabilities: { sms: false, mms: false, voice: true } },
  { id: '6', e164: '+14155550103', country: 'US', label: 'Alice’s cell', kind: 'external', users: ['alice'], capabilities: { sms: false, mms: false, voice: true } },
  { id: '7', e164: '+14155550110', country: 'US', label: 'Bob (US)', kind: 'personal', users: ['bob'], capabilities: { sms: true, mms: true, voice: true } },
];

const form = document.querySelector<HTMLFormElement>('#draft')!;
const field = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const user = field<HTMLSelectElement>('user');
const from = field<HTMLSelectElement>('from');
const body = field<HTMLTextAreaElement>('body');

/** What /v1/me would list for the user. */
const numbersOf = (name: string): PhoneNumber[] =>
  SEED.filter((n) => n.kind === 'group' || n.users.includes(name)).map(({ users, ...n }) => ({ ...n, member: users.includes(name) }));

function fillSenders(): void {
  from.replaceChildren(
    new Option('(choose for me)', ''),
    ...numbersOf(user.value).map((n) => new Option(`${n.label} ${n.e164}${n.member ? '' : ' (not a member)'}`, n.e164)),
  );
}

function attachments(): Attachment[] {
  return field<HTMLTextAreaElement>('attachments')
    .value.split('\n')
    .map((line) => line.split(',').map((part) => part.trim()))
    .filter(([name]) => name)
    .map(([name = '', type = '', size = '0']) => ({ name, type, size: Number(size) }));
}

function row(cells: string[], className = ''): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.className = className;
  for (const cell of cells) tr.insertCell().textContent = cell;
  return tr;
}

function table(head: string[], rows: HTMLTableRowElement[]): HTMLTableElement {
  const element = document.createElement('table');
  element.createTHead().append(row(head));
  element.createTBody().append(...rows);
  return element;
}

function update(): void {
  const sendAt = field<HTMLInputElement>('sendAt').value;
  const opted = field<HTMLInputElement>('opted').value.split(',').map((value) => value.trim());
  const check = validateSend(
    { from: from.value, to: field<HTMLInputElement>('to').value, body: body.value, attachments: attachments(), ...(sendAt ? { sendAt: new Date(sendAt).toISOString() } : {}) },
    { numbers: numbersOf(user.value), optedOut: (e164) => opted.includes(e164), now: new Date() },
  );
  const analysis = analyzeMessage(body.value);
  field<HTMLButtonElement>('fix').disabled = !hasGsmFix(body.value);
  field('analysis').replaceChildren(
    table(
      ['characters', 'encoding', 'segments', 'remaining in last part', 'forcing UCS-2'],
      [row([`${analysis.characters} / 1000`, analysis.encoding, String(analysis.segments), String(analysis.remaining), analysis.nonGsm.join(' ')])],
    ),
  );
  const rows = [
    ...check.violations.map((v) => row(['violation', v.code, v.field, v.message], 'violation')),
    ...check.warnings.map((w) => row(['warning', w.code, w.field ?? '', w.message], 'warning')),
  ];
  const chosen = check.from ? [document.createTextNode(`Sending from ${check.from} (chosen for you).`)] : [];
  field('result').replaceChildren(
    ...chosen,
    rows.length ? table(['kind', 'code', 'field', 'message'], rows) : document.createTextNode('Ready to send.'),
  );
}

user.addEventListener('change', fillSenders);
field('fix').addEventListener('click', () => {
  body.value = toGsm(body.value);
  update();
});
form.addEventListener('input', update);
form.addEventListener('change', update);
fillSenders();
update();
