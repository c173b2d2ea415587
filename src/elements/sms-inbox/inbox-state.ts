/** Pure helpers behind `InboxController`: how pages and live events become one ordered list. */
import type { Conversation, InboxFilter } from '../../protocol/index.js';

/** Newest activity first; the contact breaks ties so the order never depends on arrival. */
export function compareConversations(a: Conversation, b: Conversation): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? -1 : 1;
  return a.contact < b.contact ? -1 : a.contact > b.contact ? 1 : 0;
}

/** Whether a conversation belongs in the list under `filter`. */
export function matchesFilter(conversation: Conversation, filter: InboxFilter): boolean {
  if (filter === 'unread') return conversation.unread;
  if (filter === 'errored') return conversation.hasError;
  return true;
}

/**
 * Applies a live change: the conversation moves to its place by activity, or leaves the list when it no longer
 * matches the filter. With a search, only conversations already found are updated, since the search runs on the
 * server (names, numbers and message text).
 */
export function applyConversation(
  list: readonly Conversation[],
  conversation: Conversation,
  filter: InboxFilter,
  searching: boolean,
): readonly Conversation[] {
  const existing = list.findIndex((c) => c.contact === conversation.contact);
  if (existing === -1 && searching) return list;
  const rest = existing === -1 ? list : list.toSpliced(existing, 1);
  if (!matchesFilter(conversation, filter)) return rest;
  let index = 0;
  while (index < rest.length && compareConversations(rest[index], conversation) < 0) index += 1;
  return rest.toSpliced(index, 0, conversation);
}

/** Appends the next page, leaving out conversations a live event already placed. */
export function appendPage(list: readonly Conversation[], page: readonly Conversation[]): Conversation[] {
  if (!list.length) return [...page];
  const shown = new Set(list.map((c) => c.contact));
  return [...list, ...page.filter((c) => !shown.has(c.contact))];
}
