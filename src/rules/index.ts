/** The send rules, shared by the elements and the server stub. No DOM, no Lit: importable from Node. */
export * from './types.js';
export { parsePhone, callingCodeOf, countryName, isSupportedCountry, type PhoneParse } from './phone.js';
export { analyzeMessage, gsmSeptets, GSM_EXTENSION, SEGMENT_SIZES, type Encoding, type MessageAnalysis } from './segments.js';
export { toGsm, hasGsmFix, isGsm } from './to-gsm.js';
export { optOutKeyword, OPT_OUT_KEYWORDS, OPT_IN_KEYWORDS, HELP_KEYWORDS, type KeywordKind } from './opt-out.js';
export {
  ATTACHMENT_LIMITS,
  ALLOWED_TYPES,
  ALLOWED_TYPE_FAMILIES,
  attachmentTypeAllowed,
  attachmentsByteLimit,
  isImageType,
  mediaType,
  formatBytes,
} from './attachments.js';
export { SCHEDULE_MAX_DAYS, scheduleProblem, arrivalTime } from './schedule.js';
export { QUIET_HOURS, timeZonesOf, localTime, quietHoursAt } from './time-zones.js';
export { LABELS, labelFor, fillTemplate } from './labels.js';
export { CARRIER_ERRORS, CARRIER_ERROR_FALLBACK, carrierError, type CarrierError } from './carrier-errors.js';
export {
  validateSend,
  chooseSender,
  senderViolations,
  isUsableSender,
  BODY_UNIT_LIMIT,
  MANY_SEGMENTS,
} from './validate.js';
