/**
 * The rules' violation and warning labels and the carrier's error labels, in every catalog: English comes
 * from the rules module itself, keyed `violation.<code>`, `warning.<code>`, `carrier.<code>.label|reason`.
 */
import { CARRIER_ERROR_FALLBACK, CARRIER_ERRORS, LABELS } from '../../rules/index.js';
import { VIOLATION_CODES, type Violation, type Warning } from '../../rules/types.js';
import type { MessageError } from '../../protocol/index.js';
import { registerMessages, translate, type Catalog } from './localize.js';

const VIOLATIONS = new Set<string>(VIOLATION_CODES);

function english(): Catalog {
  const catalog: Catalog = {};
  for (const [code, template] of Object.entries(LABELS)) catalog[`${VIOLATIONS.has(code) ? 'violation' : 'warning'}.${code}`] = template;
  for (const [code, { label, reason }] of Object.entries(CARRIER_ERRORS)) {
    catalog[`carrier.${code}.label`] = label;
    catalog[`carrier.${code}.reason`] = reason;
  }
  catalog['carrier.other.label'] = CARRIER_ERROR_FALLBACK.label;
  catalog['carrier.other.reason'] = CARRIER_ERROR_FALLBACK.reason;
  return catalog;
}

registerMessages('en', english());

registerMessages('fr', {
  'violation.invalid_number': 'Saisissez un numéro de téléphone valide, avec son indicatif (par ex. +33 pour la France).',
  'violation.short_code': '{number} est un numéro court : il ne peut pas recevoir de SMS de vos numéros.',
  'violation.unsupported_country':
    'L’envoi de SMS vers ce pays ({country}) n’est pas pris en charge. Pays possibles : États-Unis, Canada, Royaume-Uni, Australie, Belgique, Danemark, France, Israël, Porto Rico et Afrique du Sud.',
  'violation.no_sender': 'Vous n’avez aucun numéro pouvant écrire aux numéros +{callingCode}. Ajoutez d’abord un numéro +{callingCode} compatible SMS.',
  'violation.sender_external': '{from} est un numéro externe : il ne peut ni envoyer ni recevoir de SMS. Choisissez un de vos numéros SMS.',
  'violation.sender_not_sms_capable': '{from} est un numéro vocal uniquement : il ne peut pas envoyer de SMS.',
  'violation.sender_not_member': 'Vous ne pouvez pas écrire depuis {from} : ce n’est ni votre numéro ni un numéro de groupe dont vous êtes membre.',
  'violation.international':
    'Les SMS internationaux ne sont pas pris en charge : {from} (+{fromCallingCode}) ne peut pas écrire à un numéro +{toCallingCode}. Utilisez un numéro du pays du destinataire.',
  'violation.opted_out': 'Ce destinataire s’est désabonné (réponse STOP). Vous ne pourrez lui écrire que s’il répond START.',
  'violation.body_empty': 'Écrivez un message ou ajoutez une pièce jointe.',
  'violation.body_too_long': 'Message trop long : {count} caractères, {limit} au maximum (moins avec beaucoup d’émojis ou de symboles).',
  'violation.mms_not_supported': 'Les pièces jointes ne peuvent être envoyées que depuis et vers des numéros américains ou canadiens compatibles MMS.',
  'violation.too_many_attachments': 'Trop de pièces jointes : {count}, {limit} au maximum.',
  'violation.attachments_too_large': 'Les pièces jointes pèsent {size} : la limite est de {limit} (5 Mo pour des images seules, 600 Ko si un fichier n’est pas une image).',
  'violation.attachment_type': '{names} ne peut pas être envoyé. Joignez des images, vidéos, sons, PDF, vCard, agendas, textes ou CSV.',
  'violation.schedule_in_past': 'L’heure d’envoi différé est passée : choisissez une heure à venir.',
  'violation.schedule_too_far': 'Un message peut être programmé au plus {days} jours à l’avance.',
  'warning.likely_landline': '{number} semble être une ligne fixe : le SMS risque de ne pas être remis.',
  'warning.unicode': '{chars} ne fait pas partie du jeu de caractères standard : chaque partie contient 70 caractères au lieu de 160.',
  'warning.many_segments': 'Ce message partira en {segments} parties, chacune facturée comme un SMS.',
  'warning.quiet_hours': 'Il sera {time} pour le destinataire ({zone}) à l’arrivée. Envisagez un envoi plus tard.',
  'carrier.30003.label': 'Fixe ou injoignable',
  'carrier.30003.reason': 'Le téléphone du destinataire est injoignable : éteint, hors couverture, ou ligne fixe.',
  'carrier.30005.label': 'Fixe ou injoignable',
  'carrier.30005.reason': 'Le numéro n’existe pas ou n’est plus en service, ou c’est une ligne fixe.',
  'carrier.30006.label': 'Fixe ou injoignable',
  'carrier.30006.reason': 'Le numéro est une ligne fixe ou ne peut pas recevoir de SMS.',
  'carrier.30007.label': 'Filtré comme spam',
  'carrier.30007.reason': 'L’opérateur a filtré ce message comme spam. Évitez les liens raccourcis et les messages identiques répétés.',
  'carrier.21610.label': 'Destinataire désabonné',
  'carrier.21610.reason': 'Le destinataire a répondu STOP à l’un de vos numéros. Il peut envoyer START pour se réabonner.',
  'carrier.30008.label': 'Erreur inconnue',
  'carrier.30008.reason': 'L’opérateur n’a pas pu remettre le message et n’a pas dit pourquoi.',
  'carrier.other.label': 'Erreur {code}',
  'carrier.other.reason': 'L’opérateur a refusé ce message (erreur Twilio {code}). Réessayez plus tard ou contactez le support.',
});

registerMessages('he', {
  'violation.invalid_number': 'יש להזין מספר טלפון תקין, כולל קידומת מדינה (למשל +972 לישראל).',
  'violation.short_code': '{number} הוא מספר מקוצר: הוא לא יכול לקבל הודעות מהמספרים שלך.',
  'violation.unsupported_country':
    'שליחת הודעות אל {country} אינה נתמכת. אפשר לשלוח לארה״ב, קנדה, בריטניה, אוסטרליה, בלגיה, דנמרק, צרפת, ישראל, פוארטו ריקו ודרום אפריקה.',
  'violation.no_sender': 'אין לך מספר שיכול לשלוח הודעות למספרי +{callingCode}. יש להוסיף קודם מספר +{callingCode} שתומך ב-SMS.',
  'violation.sender_external': '{from} הוא מספר חיצוני: הוא לא יכול לשלוח או לקבל הודעות. יש לבחור אחד ממספרי ה-SMS שלך.',
  'violation.sender_not_sms_capable': '{from} הוא מספר לשיחות קוליות בלבד: הוא לא יכול לשלוח הודעות.',
  'violation.sender_not_member': 'אי אפשר לשלוח מ-{from}: זה לא המספר שלך ולא מספר קבוצה שאת/ה חבר/ה בה.',
  'violation.international': 'הודעות בינלאומיות אינן נתמכות: {from} (+{fromCallingCode}) לא יכול לשלוח למספר +{toCallingCode}. יש להשתמש במספר ממדינת הנמען.',
  'violation.opted_out': 'הנמען ביטל את ההרשמה (השיב STOP). אי אפשר לשלוח לו עד שישיב START.',
  'violation.body_empty': 'יש לכתוב הודעה או לצרף קובץ.',
  'violation.body_too_long': 'ההודעה ארוכה מדי: {count} תווים, לכל היותר {limit}.',
  'violation.mms_not_supported': 'אפשר לשלוח קבצים מצורפים רק ממספרים אמריקאיים או קנדיים התומכים ב-MMS ואליהם.',
  'violation.too_many_attachments': 'יותר מדי קבצים מצורפים: {count}, לכל היותר {limit}.',
  'violation.attachments_too_large': 'גודל הקבצים המצורפים {size}: המגבלה היא {limit}.',
  'violation.attachment_type': 'אי אפשר לשלוח את {names}. אפשר לצרף תמונות, וידאו, שמע, PDF, vCard, יומן, טקסט או CSV.',
  'violation.schedule_in_past': 'מועד השליחה המתוזמנת עבר: יש לבחור מועד עתידי.',
  'violation.schedule_too_far': 'אפשר לתזמן הודעה עד {days} ימים מראש.',
  'warning.likely_landline': 'נראה ש-{number} הוא קו נייח: ייתכן שההודעה לא תימסר.',
  'warning.unicode': '{chars} אינם בערכת התווים הרגילה, ולכן כל חלק מכיל 70 תווים במקום 160.',
  'warning.many_segments': 'ההודעה תישלח ב-{segments} חלקים, וכל חלק מחויב כהודעה.',
  'warning.quiet_hours': 'השעה אצל הנמען ({zone}) תהיה {time} כשההודעה תגיע. כדאי לשלוח מאוחר יותר.',
  'carrier.30003.label': 'קו נייח או לא זמין',
  'carrier.30003.reason': 'לא ניתן היה להשיג את הטלפון של הנמען: ייתכן שהוא כבוי, מחוץ לכיסוי או קו נייח.',
  'carrier.30005.label': 'קו נייח או לא זמין',
  'carrier.30005.reason': 'המספר אינו קיים או אינו פעיל, או שזה קו נייח.',
  'carrier.30006.label': 'קו נייח או לא זמין',
  'carrier.30006.reason': 'המספר הוא קו נייח או שאינו יכול לקבל הודעות.',
  'carrier.30007.label': 'סונן כספאם',
  'carrier.30007.reason': 'הספק סינן את ההודעה כספאם.',
  'carrier.21610.label': 'הנמען ביטל הרשמה',
  'carrier.21610.reason': 'הנמען השיב STOP לאחד המספרים שלך. הוא יכול לשלוח START כדי להירשם מחדש.',
  'carrier.30008.label': 'שגיאה לא ידועה',
  'carrier.30008.reason': 'הספק לא הצליח למסור את ההודעה ולא ציין מדוע.',
  'carrier.other.label': 'שגיאה {code}',
  'carrier.other.reason': 'הספק דחה את ההודעה (שגיאת Twilio {code}). נסו שוב מאוחר יותר.',
});

/** A violation or warning in `locale`, falling back to the rules' English sentence. */
export const ruleLabel = (locale: string, item: Violation | Warning): string =>
  translate(locale, `${VIOLATIONS.has(item.code) ? 'violation' : 'warning'}.${item.code}`, item.params, item.message);

/** A carrier failure's label and reason in `locale`, falling back to what the server sent. */
export function carrierLabel(locale: string, error: MessageError): { label: string; reason: string } {
  const id = `carrier.${error.code in CARRIER_ERRORS ? error.code : 'other'}`;
  return {
    label: translate(locale, `${id}.label`, { code: error.code }, error.label),
    reason: translate(locale, `${id}.reason`, { code: error.code }, error.reason),
  };
}
