/** Pure helpers behind `InboxController`: how pages and live events become one ordered list. */
import { compareConversations, type Conversation, type InboxFilter } from '../../protocol/index.js';
import { placeItem, type ListOrder } from '../internal/paged-list.js';


/** Conversations by contact, newest activity first. */
export const conversationOrder: ListOrder<Conversation> = {
  key: (conversation) => conversation.contact,
  compare: compareConversations,
};

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
  if (searching && !list.some((c) => c.contact === conversation.contact)) return list;
  return placeItem(list, conversation, conversationOrder, matchesFilter(conversation, filter));
}
