/**
 * The rules' violation and warning labels and the carrier's error labels, in every catalog: English comes
 * from the rules module itself, keyed `violation.<code>`, `warning.<code>`, `carrier.<code>.label|reason`.
 */
import { CARRIER_ERROR_FALLBACK, CARRIER_ERRORS, LABELS } from '../../rules/index.js';
import { VIOLATION_CODES, type Violation, type Warning } from '../../rules/types.js';
import type { MessageError } from '../../protocol/index.js';
import { translate, useMessages, type Catalog, type Messages } from './localize.js';

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

export const ruleMessages: Messages = {
  en: english(),
};

/** A violation or warning in `locale`, falling back to the rules' English sentence. */
export function ruleLabel(locale: string, item: Violation | Warning): string {
  useMessages(ruleMessages);
  return translate(locale, `${VIOLATIONS.has(item.code) ? 'violation' : 'warning'}.${item.code}`, item.params, item.message);
}

/** A carrier failure's label and reason in `locale`, falling back to what the server sent. */
export function carrierLabel(locale: string, error: MessageError): { label: string; reason: string } {
  useMessages(ruleMessages);
  const id = `carrier.${error.code in CARRIER_ERRORS ? error.code : 'other'}`;
  return {
    label: translate(locale, `${id}.label`, { code: error.code }, error.label),
    reason: translate(locale, `${id}.reason`, { code: error.code }, error.reason),
  };
}
