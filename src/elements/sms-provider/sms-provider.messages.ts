import type { Messages } from '../internal/localize.js';

export const providerMessages: Messages = {
  en: {
    'provider.load_failed': 'Your phone numbers could not be loaded: {reason}',
  },
};
