import type { Messages } from '../internal/localize.js';

/** English ships with the element; other languages are in `internal/locales/`, registered by the page. */
export const threadMessages: Messages = {
  en: {
    'sms-thread.label': 'Conversation with {contact}',
    'sms-thread.loading': 'Loading messages…',
    'sms-thread.loading-older': 'Loading older messages…',
    'sms-thread.empty': 'No messages yet.',
    'sms-thread.load-failed': 'Messages could not be loaded: {reason}',
    'sms-thread.action-failed': 'That did not work: {reason}',
    'sms-thread.new-messages': 'New messages ({count})',
    'sms-thread.you': 'You',
    'sms-thread.them': 'Contact',
    'sms-thread.status.queued': 'Queued',
    'sms-thread.status.sending': 'Sending',
    'sms-thread.status.sent': 'Sent',
    'sms-thread.status.delivered': 'Delivered',
    'sms-thread.status.canceled': 'Canceled',
    'sms-thread.error': 'error',
    'sms-thread.error-reason': 'The message could not be delivered.',
    'sms-thread.scheduled-for': 'Scheduled for {time}',
    'sms-thread.cancel': 'Cancel',
    'sms-thread.cancel-label': 'Cancel the message scheduled for {time}',
    'sms-thread.download': 'Download {name}',
    'sms-thread.notice.opted-out': 'Recipient opted out',
    'sms-thread.notice.opted-in': 'Recipient opted back in',
  },
};
