import { registerMessages } from '../internal/localize.js';

registerMessages('en', {
  'provider.load_failed': 'Your phone numbers could not be loaded: {reason}',
});
registerMessages('fr', {
  'provider.load_failed': 'Impossible de charger vos numéros : {reason}',
});
registerMessages('he', {
  'provider.load_failed': 'לא ניתן היה לטעון את המספרים שלך: {reason}',
});
