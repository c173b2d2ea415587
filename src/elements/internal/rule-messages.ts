/**
 * The rules' violation and warning labels and the carrier's error labels, keyed `violation.<code>`,
 * `warning.<code>`, `carrier.<code>.label|reason` in every catalog but English: the English text is the one the rules
 * wrote into the violation or the message's error, so it is said once, in the rules.
 */
import { CARRIER_ERRORS } from '../../rules/index.js';
import { VIOLATION_CODES, type Violation, type Warning } from '../../rules/types.js';
import type { MessageError } from '../../protocol/index.js';
import { translate } from './localize.js';

const VIOLATIONS = new Set<string>(VIOLATION_CODES);

/** A violation or warning in `locale`, falling back to the rules' English sentence. */
export function ruleLabel(locale: string, item: Violation | Warning): string {
  return translate(locale, `${VIOLATIONS.has(item.code) ? 'violation' : 'warning'}.${item.code}`, item.params, item.message);
}

/** A carrier failure's label and reason in `locale`, falling back to what the server sent. */
export function carrierLabel(locale: string, error: MessageError): { label: string; reason: string } {
  const id = `carrier.${error.code in CARRIER_ERRORS ? error.code : 'other'}`;
  return {
    label: translate(locale, `${id}.label`, { code: error.code }, error.label),
    reason: translate(locale, `${id}.reason`, { code: error.code }, error.reason),
  };
}
