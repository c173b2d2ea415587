import type { Messages } from '../internal/localize.js';

/** English ships with the element; other languages are in `internal/locales/`, registered by the page. */
export const inboxMessages: Messages = {
  en: {
    'sms-inbox.label': 'Conversations',
    'sms-inbox.search': 'Search conversations',
    'sms-inbox.search-placeholder': 'Search names, numbers, messages',
    'sms-inbox.filter': 'Show',
    'sms-inbox.filter.all': 'All conversations',
    'sms-inbox.filter.unread': 'Unread',
    'sms-inbox.filter.errored': 'Has a failed SMS',
    'sms-inbox.loading': 'Loading conversations…',
    'sms-inbox.loading-more': 'Loading more conversations…',
    'sms-inbox.empty': 'No conversations.',
    'sms-inbox.empty-search': 'No conversations match “{q}”.',
    'sms-inbox.load-failed': 'Conversations could not be loaded: {reason}',
    'sms-inbox.you': 'You: {body}',
    'sms-inbox.attachment': 'Attachment',
    'sms-inbox.unread': 'Unread',
    'sms-inbox.error': 'error',
    'sms-inbox.error-hint': 'A message in this conversation failed',
  },
};
