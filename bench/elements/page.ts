/** The benchmark page: `<sms-thread>` and `<sms-inbox>` against plain, non-windowed Lit lists of the same data. */
import { LitElement, html } from 'lit';
import type { SmsBackend } from '../../src/backend/types.js';
import type { Conversation, Message } from '../../src/protocol/index.js';
import '../../src/elements/sms-provider/sms-provider.js';
import '../../src/elements/sms-thread/sms-thread.js';
import '../../src/elements/sms-inbox/sms-inbox.js';

const CONTACT = '+14155550177';
const start = Date.parse('2024-01-01T00:00:00Z');

const messages: Message[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `m${i}`,
  direction: i % 3 ? 'inbound' : 'outbound',
  from: i % 3 ? CONTACT : '+14155550100',
  to: i % 3 ? '+14155550100' : CONTACT,
  body: `Message ${i}: ${'lorem ipsum '.repeat(1 + (i % 7))}`,
  media: [],
  status: i % 3 ? 'received' : 'delivered',
  createdAt: new Date(start + i * 60_000).toISOString(),
  segments: 1,
  encoding: 'GSM-7',
}));

const conversations: Conversation[] = Array.from({ length: 10_000 }, (_, i) => ({
  contact: `+1415555${String(i).padStart(4, '0')}`,
  contactName: `Contact ${i}`,
  lastMessage: messages[i],
  unread: i % 4 === 0,
  hasError: i % 50 === 0,
  updatedAt: new Date(start + (10_000 - i) * 60_000).toISOString(),
}));

/** A backend that answers at once with everything, so only rendering is measured. */
const backend = {
  me: async () => ({ user: { id: 'u', name: 'Bench' }, workspace: { id: 'w', name: 'Bench' }, numbers: [] }),
  conversations: async () => ({ items: conversations, nextCursor: null }),
  messages: async () => ({ items: messages, nextCursor: null }),
  markRead: async () => {},
  subscribe: () => () => {},
} as unknown as SmsBackend;

/** What a list without windowing costs: every item in the DOM. `static` is the floor: a dozen rows, no data, no windowing. */
class PlainList extends LitElement {
  static override properties = { kind: {} };
  kind = 'thread';
  override render() {
    return this.kind !== 'inbox'
      ? html`<div role="log" style="block-size: 32rem; overflow: auto">
          ${(this.kind === 'static' ? messages.slice(0, 12) : messages).map(
            (m) => html`<div class="row ${m.direction}">
              <div class="bubble"><p>${m.body}</p></div>
              <div class="meta"><time>${m.createdAt}</time><span>${m.status}</span></div>
            </div>`,
          )}
        </div>`
      : html`<div role="listbox" style="block-size: 32rem; overflow: auto">
          ${conversations.map(
            (c) => html`<div role="option" class="row">
              <span>${c.contactName}</span><time>${c.updatedAt}</time><span>${c.lastMessage.body}</span>
            </div>`,
          )}
        </div>`;
  }
}
customElements.define('plain-list', PlainList);

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

function countNodes(root: Node): number {
  let count = 0;
  const walk = (node: Node) => {
    count += 1;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return count;
}

/** Resolves as soon as `root` holds an element matching `selector`. */
const appears = (root: ShadowRoot, selector: string) =>
  new Promise<void>((resolve) => {
    const found = () => root.querySelector(selector) !== null;
    if (found()) return resolve();
    const observer = new MutationObserver(() => {
      if (!found()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true });
  });

/**
 * Time from inserting the element to its rows laid out (the work of the first render, the layout forced at once
 * rather than waiting for the frame) and to the first painted frame with them; and its DOM node count.
 */
async function measure(kind: 'thread' | 'inbox' | 'plain-thread' | 'plain-inbox' | 'plain-static') {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  await frame();
  const began = performance.now();
  let element: HTMLElement;
  if (kind === 'thread' || kind === 'inbox') {
    const provider = document.createElement('sms-provider');
    provider.backend = backend;
    provider.locale = 'en';
    element = document.createElement(kind === 'thread' ? 'sms-thread' : 'sms-inbox');
    if (kind === 'thread') element.setAttribute('contact', CONTACT);
    provider.append(element);
    host.append(provider);
  } else {
    element = Object.assign(document.createElement('plain-list') as PlainList, { kind: kind.slice(6) });
    host.append(element);
  }
  const rowSelector = kind.endsWith('inbox') ? '[role="option"]' : '.row';
  await appears(element.shadowRoot!, rowSelector);
  element.shadowRoot!.querySelector(rowSelector)!.getBoundingClientRect();
  const laidOut = performance.now() - began;
  await frame();
  const firstRender = performance.now() - began;
  return { laidOut, firstRender, nodes: countNodes(host), rows: element.shadowRoot!.querySelectorAll(rowSelector).length };
}

Object.assign(window, { measure });
