import type { Capabilities } from '../../src/rules/types.js';

/** Twilio's view of a message, as far as the stub needs it. */
export interface TwilioMessage {
  sid: string;
  status: string;
  to: string;
  from: string;
  errorCode: number | null;
  dateCreated: Date;
}

export interface TwilioAvailableNumber {
  e164: string;
  country: string;
  locality?: string;
  capabilities: Capabilities;
}

export interface TwilioIncomingNumber {
  sid: string;
  e164: string;
  capabilities: Capabilities;
}

/** A refusal from Twilio's API: HTTP status and Twilio error code (21211, 21610, ...). */
export class TwilioApiError extends Error {
  override readonly name = 'TwilioApiError';
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Twilio could not be reached. `timedOut` is true when the request may have arrived (a timeout or a connection
 * dropped mid-request): reconcile before retrying. False when it surely did not (refused, unknown host).
 */
export class TwilioUnreachableError extends Error {
  override readonly name = 'TwilioUnreachableError';
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
  }
}

/** `fetchMedia` was handed a URL that is not a media resource of this account on Twilio's API host (or the simulator). */
export class MediaUrlRefusedError extends Error {
  override readonly name = 'MediaUrlRefusedError';
}

/**
 * Everything the stub asks of Twilio, through the official `twilio` library, live or against the simulator.
 * Methods reject with TwilioApiError or TwilioUnreachableError (and fetchMedia with MediaUrlRefusedError).
 */
export interface TwilioGateway {
  createMessage(params: {
    from: string;
    to: string;
    body: string;
    mediaUrl?: string[];
    statusCallback: string;
  }): Promise<TwilioMessage>;
  fetchMessage(sid: string): Promise<TwilioMessage>;
  /** For reconciling a send whose answer was lost: messages To/From sent after a date. */
  listMessages(params: { to: string; from: string; dateSentAfter: Date }): Promise<TwilioMessage[]>;
  availableNumbers(params: { country: string; areaCode?: string; contains?: string }): Promise<TwilioAvailableNumber[]>;
  rentNumber(params: { phoneNumber: string; smsUrl: string; statusCallback: string }): Promise<TwilioIncomingNumber>;
  /** Lookup v2 line type intelligence: 'mobile', 'landline', 'voip', ... */
  lineType(e164: string): Promise<string | undefined>;
  /**
   * Downloads an inbound MMS media URL with the account's credentials. Refuses (MediaUrlRefusedError) any URL but
   * a media resource of this account on Twilio's API host or the simulator; `type` is the media type without parameters.
   */
  fetchMedia(url: string): Promise<{ bytes: Uint8Array; type: string }>;
  /** `X-Twilio-Signature` check through the library's validateRequest. */
  validateSignature(signature: string, url: string, params: Record<string, string>): boolean;
}
