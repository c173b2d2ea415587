/** Pure helpers behind `ThreadController`: how pages and live events become one ordered list. */
import type { Message } from '../../protocol/index.js';
import { optOutKeyword } from '../../rules/index.js';
import type { ListOrder } from '../internal/paged-list.js';

/** Oldest first; `id` breaks ties so the order never depends on arrival. */
export function compareMessages(a: Message, b: Message): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Messages by id, oldest first. */
export const messageOrder: ListOrder<Message> = { key: (message) => message.id, compare: compareMessages };

/** Whether a message is part of the conversation with `contact`. */
export function belongsTo(message: Message, contact: string): boolean {
  return (message.direction === 'inbound' ? message.from : message.to) === contact;
}

export type InlineNotice = 'opted-out' | 'opted-in';

/** An inbound opt-out or opt-in keyword is shown in line, where it changed what may be sent. */
export function inlineNotice(message: Message): InlineNotice | null {
  if (message.direction !== 'inbound') return null;
  const keyword = optOutKeyword(message.body);
  return keyword === 'STOP' ? 'opted-out' : keyword === 'START' ? 'opted-in' : null;
}

/** Statuses that end in an error label rather than a status word. */
export function isFailed(message: Message): boolean {
  return message.status === 'failed' || message.status === 'undelivered' || message.error !== undefined;
}

/** The vertical extent of a box on screen, as `getBoundingClientRect()` gives it. */
export interface Extent {
  top: number;
  bottom: number;
}

/** An error label's reason opens on whichever side of the label has more room in the visible log, so the log never clips it. */
export function tooltipSide(label: Extent, view: Extent): 'above' | 'below' {
  return label.top - view.top >= view.bottom - label.bottom ? 'above' : 'below';
}
