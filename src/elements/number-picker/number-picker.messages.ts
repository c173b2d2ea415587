import type { Messages } from '../internal/localize.js';

export const pickerMessages: Messages = {
  en: {
    'picker.numbers': 'Your numbers',
    'picker.none': 'You have no numbers yet.',
    'picker.rent_title': 'Rent a number',
    'picker.country': 'Country',
    'picker.area_code': 'Area code',
    'picker.search': 'Search',
    'picker.searching': 'Searching…',
    'picker.kind': 'Number for',
    'picker.kind.personal': 'Me (personal)',
    'picker.kind.group': 'My team (group)',
    'picker.results': 'Available numbers',
    'picker.no_results': 'No numbers are available there. Try another area code.',
    'picker.only_voice':
      'Only voice-only numbers are available for this country and area code: they cannot send or receive texts. Try another area code.',
    'picker.rent': 'Rent {number}',
    'picker.renting': 'Renting…',
    'picker.rented': '{number} is now yours.',
    'picker.failed': 'Something went wrong: {reason}',
    'badge.sms': 'SMS',
    'badge.mms': 'MMS',
    'badge.voice': 'Voice',
    'badge.missing': 'no {capability}',
  },
};
