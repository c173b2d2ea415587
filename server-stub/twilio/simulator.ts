import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import twilio from 'twilio';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { FAILING_RECIPIENTS, LANDLINE_RECIPIENT, REPLYING_RECIPIENT } from '../../src/protocol/seed.js';
import { analyzeMessage, optOutKeyword } from '../../src/rules/index.js';
import { MMS_COUNTRIES, SUPPORTED_COUNTRIES, type Capabilities } from '../../src/rules/types.js';
import { generateMedia, type GeneratedMedia } from './simulator-media.js';
import { describeNumber, searchNumbers, simulatedCapabilities, type NumberType } from './simulator-numbers.js';

export const SIMULATOR_ACCOUNT_SID = 'AC5a1e5e1e5a1e5e1e5a1e5e1e5a1e5e1e';

/** Milliseconds after a send, before `delayScale`: "sent", the final status, the reply. */
const DELAYS = { sent: 400, final: 1400, reply: 2600 };
const WEBHOOK_TIMEOUT_MS = 15_000;
const API_VERSION = '2010-04-01';

export interface SimulatorNumber {
  phoneNumber: string;
  /** Defaults to what the simulated carrier offers for that number. */
  capabilities?: Capabilities;
  /** Where inbound messages to it go; defaults to the webhook base + `/twilio/inbound`. */
  smsUrl?: string;
}

export interface SimulatorOptions {
  accountSid?: string;
  /** Random per start unless given. */
  authToken?: string;
  /** Where the handler is reachable (origin, optionally with a path prefix): media URLs point here. */
  baseUrl?: string;
  /** The stub's public base URL: inbound webhooks go to `${webhookBase}/twilio/inbound` unless a number has its own. */
  webhookBase?: string;
  /** The account's numbers. */
  numbers?: SimulatorNumber[];
  /** Multiplies every delay: 1 is about Twilio's pace, 0.01 suits tests. */
  delayScale?: number;
  /** Where failed webhook deliveries are reported. */
  log?: (message: string) => void;
}

export interface InboundMessage {
  from: string;
  to: string;
  body: string;
  /** One generated attachment per type (image/png, image/jpeg, image/gif, application/pdf, text/vcard, ...). */
  mediaTypes?: string[];
}

/** An inbound message the simulated network cannot carry (unknown number, no SMS on it, MMS outside North America). */
export class SimulatorInputError extends Error {
  override readonly name = 'SimulatorInputError';
}

export interface TwilioSimulator {
  readonly accountSid: string;
  readonly authToken: string;
  /** Twilio's REST API (Messages, Media, AvailablePhoneNumbers, IncomingPhoneNumbers, Lookup v2). */
  handler(req: IncomingMessage, res: ServerResponse): void;
  setBaseUrl(url: string): void;
  setWebhookBase(url: string): void;
  /** Delivers a signed inbound webhook as Twilio would; resolves once the webhook was answered or failed. */
  inbound(message: InboundMessage): Promise<{ messageSid: string }>;
  /** Resolves when no callback, reply or webhook is pending. */
  idle(): Promise<void>;
  /** Cancels pending callbacks and replies. */
  close(): Promise<void>;
}

interface StoredMedia extends GeneratedMedia {
  sid: string;
  created: Date;
}

interface StoredMessage {
  sid: string;
  direction: 'outbound-api' | 'inbound';
  from: string;
  to: string;
  body: string;
  status: string;
  errorCode: number | null;
  created: Date;
  updated: Date;
  sent: Date | null;
  media: StoredMedia[];
  statusCallback?: string;
}

interface OwnedNumber {
  sid: string;
  e164: string;
  capabilities: Capabilities;
  smsUrl?: string;
  statusCallback?: string;
  created: Date;
}

class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const sid = (prefix: string) => prefix + randomBytes(16).toString('hex');
const rfc2822 = (date: Date | null) => (date ? date.toUTCString().replace('GMT', '+0000') : null);
const e164Of = (input: string) => {
  const number = parsePhoneNumberFromString(input.trim());
  return number?.isValid() ? number.number : undefined;
};
/** An MMS with no text still travels as one message. */
const segmentsOf = (body: string) => Math.max(analyzeMessage(body).segments, 1);
const isMmsCountry = (e164: string) => (MMS_COUNTRIES as readonly string[]).includes(describeNumber(e164).country);

/** Twilio's REST API and webhooks in one process, with the magic recipients of the README. */
export function createSimulator(options: SimulatorOptions = {}): TwilioSimulator {
  const accountSid = options.accountSid ?? SIMULATOR_ACCOUNT_SID;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const delayScale = options.delayScale ?? 1;
  const log = options.log ?? ((message: string) => console.warn(message));
  let baseUrl = options.baseUrl?.replace(/\/+$/, '');
  let webhookBase = options.webhookBase?.replace(/\/+$/, '');
  const messages = new Map<string, StoredMessage>();
  const numbers = new Map<string, OwnedNumber>();
  /** `recipient|sender` pairs: a STOP to one of our numbers blocks that number, as Twilio's default opt-out does. */
  const optedOut = new Set<string>();
  /** Each pending timer with the function that settles its entry in `pending`. */
  const timers = new Map<NodeJS.Timeout, () => void>();
  const pending = new Set<Promise<unknown>>();
  const aborts = new AbortController();
  let closed = false;

  for (const number of options.numbers ?? []) {
    const e164 = e164Of(number.phoneNumber) ?? number.phoneNumber;
    numbers.set(e164, {
      sid: sid('PN'),
      e164,
      capabilities: number.capabilities ?? simulatedCapabilities(e164),
      ...(number.smsUrl ? { smsUrl: number.smsUrl } : {}),
      created: new Date(),
    });
  }

  const accountPath = `/${API_VERSION}/Accounts/${accountSid}`;
  const apiRoot = () => {
    if (!baseUrl) throw new Error('Twilio simulator: setBaseUrl() first, so media URLs can point at it');
    return baseUrl;
  };

  function track<T>(promise: Promise<T>): Promise<T> {
    pending.add(promise);
    const forget = () => pending.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  function later(ms: number, task: () => Promise<unknown> | void) {
    if (closed) return;
    let settle!: () => void;
    track(new Promise<void>((resolve) => (settle = resolve)));
    const timer = setTimeout(() => {
      timers.delete(timer);
      Promise.resolve()
        .then(task)
        .catch((error: unknown) => log(`Twilio simulator: ${String(error)}`))
        .finally(settle);
    }, ms * delayScale);
    timers.set(timer, settle);
  }

  /** Posts a form-encoded webhook signed as Twilio signs it; the answer is ignored and nothing is retried. */
  async function postWebhook(url: string, params: Record<string, string>): Promise<number | undefined> {
    if (closed) return undefined;
    const signature = twilio.getExpectedTwilioSignature(authToken, url, params);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Twilio-Signature': signature,
          'User-Agent': 'TwilioProxy/1.1',
        },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.any([aborts.signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]),
      });
      await response.arrayBuffer();
      if (!response.ok) log(`Twilio simulator: webhook ${url} answered ${response.status}`);
      return response.status;
    } catch (error) {
      if (!closed) log(`Twilio simulator: webhook ${url} failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  const mediaUri = (message: StoredMessage, media: StoredMedia) => `${accountPath}/Messages/${message.sid}/Media/${media.sid}`;

  function messageJson(message: StoredMessage) {
    return {
      account_sid: accountSid,
      api_version: API_VERSION,
      body: message.body,
      date_created: rfc2822(message.created),
      date_sent: rfc2822(message.sent),
      date_updated: rfc2822(message.updated),
      direction: message.direction,
      error_code: message.errorCode,
      error_message: null,
      from: message.from,
      messaging_service_sid: null,
      num_media: String(message.media.length),
      num_segments: String(segmentsOf(message.body)),
      price: null,
      price_unit: 'USD',
      sid: message.sid,
      status: message.status,
      subresource_uris: { media: `${accountPath}/Messages/${message.sid}/Media.json` },
      to: message.to,
      uri: `${accountPath}/Messages/${message.sid}.json`,
    };
  }

  function mediaJson(message: StoredMessage, media: StoredMedia) {
    return {
      account_sid: accountSid,
      content_type: media.type,
      date_created: rfc2822(media.created),
      date_updated: rfc2822(media.created),
      parent_sid: message.sid,
      sid: media.sid,
      uri: `${mediaUri(message, media)}.json`,
    };
  }

  function numberJson(number: OwnedNumber) {
    return {
      account_sid: accountSid,
      api_version: API_VERSION,
      capabilities: { voice: number.capabilities.voice, sms: number.capabilities.sms, mms: number.capabilities.mms, fax: false },
      date_created: rfc2822(number.created),
      date_updated: rfc2822(number.created),
      friendly_name: describeNumber(number.e164).nationalFormat,
      phone_number: number.e164,
      sid: number.sid,
      sms_method: 'POST',
      sms_url: number.smsUrl ?? '',
      status_callback: number.statusCallback ?? '',
      status: 'in-use',
      uri: `${accountPath}/IncomingPhoneNumbers/${number.sid}.json`,
    };
  }

  function setStatus(message: StoredMessage, status: string, errorCode: number | null = null) {
    message.status = status;
    message.errorCode = errorCode;
    message.updated = new Date();
    if (status === 'sent') message.sent = message.updated;
    if (!message.statusCallback) return Promise.resolve(undefined);
    return postWebhook(message.statusCallback, {
      AccountSid: accountSid,
      ApiVersion: API_VERSION,
      From: message.from,
      MessageSid: message.sid,
      MessageStatus: status,
      SmsSid: message.sid,
      SmsStatus: status,
      To: message.to,
      ...(errorCode === null ? {} : { ErrorCode: String(errorCode) }),
    });
  }

  async function fetchOutboundMedia(urls: string[]): Promise<StoredMedia[] | undefined> {
    const media: StoredMedia[] = [];
    for (const url of urls) {
      try {
        const response = await fetch(url, { signal: AbortSignal.any([aborts.signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const type = (response.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]!.trim();
        media.push({ sid: sid('ME'), type, bytes: new Uint8Array(await response.arrayBuffer()), created: new Date() });
      } catch (error) {
        if (!closed) log(`Twilio simulator: media ${url} could not be fetched: ${(error as Error).message}`);
        return undefined;
      }
    }
    return media;
  }

  /** What the network does with a message once accepted: fetch its media, deliver or fail it, maybe reply. */
  function carry(message: StoredMessage, mediaUrls: string[]) {
    const failure = FAILING_RECIPIENTS[message.to];
    later(DELAYS.sent, async () => {
      if (mediaUrls.length) {
        const media = await fetchOutboundMedia(mediaUrls);
        // Twilio fails a message whose media it cannot retrieve, with 11200 (HTTP retrieval failure).
        if (!media) return setStatus(message, 'failed', 11200);
        message.media = media;
      }
      if (failure === 21610) return setStatus(message, 'failed', failure);
      await setStatus(message, 'sent');
      later(DELAYS.final - DELAYS.sent, async () => {
        if (failure) return setStatus(message, 'undelivered', failure);
        await setStatus(message, 'delivered');
        if (message.to === REPLYING_RECIPIENT) {
          later(DELAYS.reply - DELAYS.final, () => deliverInbound({ from: message.to, to: message.from, body: reply(message.body) }));
        } else if (numbers.get(message.to)?.capabilities.sms) {
          // A text between two of the account's own numbers arrives at the other one.
          await deliverInbound({ from: message.from, to: message.to, body: message.body }, message.media);
        }
        return undefined;
      });
      return undefined;
    });
  }

  const reply = (body: string) => {
    const quoted = body.length > 60 ? `${body.slice(0, 57)}...` : body;
    return quoted ? `Thanks, got your message: "${quoted}"` : 'Thanks, got your picture.';
  };

  function createMessage(form: URLSearchParams): StoredMessage {
    const toInput = form.get('To');
    const fromInput = form.get('From');
    const body = form.get('Body') ?? '';
    const mediaUrls = form.getAll('MediaUrl');
    if (!toInput) throw new ApiRefusal(400, 21604, "A 'To' phone number is required.");
    if (!fromInput) throw new ApiRefusal(400, 21603, "A 'From' phone number is required.");
    if (!body && mediaUrls.length === 0) throw new ApiRefusal(400, 21602, 'Message body is required.');
    if (body.length > 1600) throw new ApiRefusal(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    if (mediaUrls.length > 10) throw new ApiRefusal(400, 21623, 'Number of media files exceeds allowed limit.');
    const to = e164Of(toInput);
    if (!to) throw new ApiRefusal(400, 21211, `The 'To' number ${toInput} is not a valid phone number.`);
    const from = e164Of(fromInput);
    const sender = from ? numbers.get(from) : undefined;
    if (!from || !sender) {
      throw new ApiRefusal(400, 21659, `'From' ${fromInput} is not a Twilio phone number or Short Code country mismatch`);
    }
    if (!sender.capabilities.sms) {
      throw new ApiRefusal(400, 21606, `The 'From' phone number provided (${from}) is not a valid message-capable Twilio phone number for this destination.`);
    }
    if (to === from) throw new ApiRefusal(400, 21266, "'To' and 'From' number cannot be the same");
    if (!(SUPPORTED_COUNTRIES as readonly string[]).includes(describeNumber(to).country)) {
      throw new ApiRefusal(400, 21408, `Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${to}.`);
    }
    if (mediaUrls.length && (!sender.capabilities.mms || !isMmsCountry(to))) {
      throw new ApiRefusal(400, 21612, `The 'To' phone number: ${to}, is not currently reachable using the 'From' phone number: ${from} via MMS.`);
    }
    const statusCallback = form.get('StatusCallback') || undefined;
    if (statusCallback && !/^https?:\/\//.test(statusCallback)) {
      throw new ApiRefusal(400, 21609, `The StatusCallback URL ${statusCallback} is not a valid URL.`);
    }
    if (optedOut.has(`${to}|${from}`)) throw new ApiRefusal(400, 21610, 'Attempt to send to unsubscribed recipient');
    const message = store({ mms: mediaUrls.length > 0, direction: 'outbound-api', from, to, body, status: 'queued', media: [] });
    if (statusCallback) message.statusCallback = statusCallback;
    carry(message, mediaUrls);
    return message;
  }

  /** Keeps a new message: an MMS gets an `MM` sid; a received one counts as sent on arrival. */
  function store(fields: Pick<StoredMessage, 'direction' | 'from' | 'to' | 'body' | 'status' | 'media'> & { mms: boolean }): StoredMessage {
    const { mms, ...rest } = fields;
    const now = new Date();
    const message: StoredMessage = {
      ...rest,
      sid: sid(mms ? 'MM' : 'SM'),
      errorCode: null,
      created: now,
      updated: now,
      sent: rest.direction === 'inbound' ? now : null,
    };
    messages.set(message.sid, message);
    return message;
  }

  async function deliverInbound(input: InboundMessage, carried: StoredMedia[] = []): Promise<{ messageSid: string }> {
    const from = e164Of(input.from);
    if (!from) throw new SimulatorInputError(`${input.from} is not a valid phone number`);
    const to = e164Of(input.to);
    const number = to ? numbers.get(to) : undefined;
    if (!to || !number) throw new SimulatorInputError(`${input.to} is not one of the account's numbers`);
    if (!number.capabilities.sms) throw new SimulatorInputError(`${to} cannot receive SMS`);
    const media = carried.length ? carried : (input.mediaTypes ?? []).map((type) => ({ ...generateMedia(type), sid: sid('ME'), created: new Date() }));
    if (media.length > 10) throw new SimulatorInputError('An MMS carries at most 10 attachments');
    if (media.length && (!number.capabilities.mms || !isMmsCountry(from))) {
      throw new SimulatorInputError(`MMS reaches ${to} only from US and Canadian numbers, and only if it has MMS`);
    }
    const message = store({ mms: media.length > 0, direction: 'inbound', from, to, body: input.body, status: 'received', media });
    const keyword = optOutKeyword(input.body);
    if (keyword === 'STOP') optedOut.add(`${from}|${to}`);
    if (keyword === 'START') optedOut.delete(`${from}|${to}`);
    const url = number.smsUrl || (webhookBase ? `${webhookBase}/twilio/inbound` : undefined);
    if (!url) {
      log(`Twilio simulator: no webhook for ${to}; inbound message dropped`);
      return { messageSid: message.sid };
    }
    const params: Record<string, string> = {
      AccountSid: accountSid,
      ApiVersion: API_VERSION,
      Body: message.body,
      From: from,
      FromCountry: describeNumber(from).country,
      MessageSid: message.sid,
      NumMedia: String(media.length),
      NumSegments: String(segmentsOf(message.body)),
      SmsMessageSid: message.sid,
      SmsSid: message.sid,
      SmsStatus: 'received',
      To: to,
      ToCountry: describeNumber(to).country,
    };
    media.forEach((item, i) => {
      params[`MediaUrl${i}`] = `${apiRoot()}${mediaUri(message, item)}`;
      params[`MediaContentType${i}`] = item.type;
    });
    await postWebhook(url, params);
    return { messageSid: message.sid };
  }

  function listMessages(query: URLSearchParams) {
    const to = query.get('To');
    const from = query.get('From');
    const after = query.get('DateSent>');
    const before = query.get('DateSent<');
    const afterTime = after ? Date.parse(after) : -Infinity;
    const beforeTime = before ? Date.parse(before) : Infinity;
    // A queued message has no date_sent yet; its creation time stands in, so a send is found straight away.
    return [...messages.values()]
      .filter((m) => (!to || m.to === e164Of(to)) && (!from || m.from === e164Of(from)))
      .filter((m) => {
        const time = (m.sent ?? m.created).getTime();
        return time >= afterTime && time < beforeTime;
      })
      .sort((a, b) => b.created.getTime() - a.created.getTime());
  }

  function page<T>(key: string, items: T[], path: string, query: URLSearchParams) {
    const pageSize = Math.min(Math.max(Number(query.get('PageSize')) || 50, 1), 1000);
    const pageNumber = Math.max(Number(query.get('Page')) || 0, 0);
    const slice = items.slice(pageNumber * pageSize, (pageNumber + 1) * pageSize);
    const uriFor = (n: number) => {
      const next = new URLSearchParams(query);
      next.set('PageSize', String(pageSize));
      next.set('Page', String(n));
      return `${path}?${next}`;
    };
    const hasNext = (pageNumber + 1) * pageSize < items.length;
    return {
      [key]: slice,
      end: pageNumber * pageSize + Math.max(slice.length - 1, 0),
      first_page_uri: uriFor(0),
      next_page_uri: hasNext ? uriFor(pageNumber + 1) : null,
      page: pageNumber,
      page_size: pageSize,
      previous_page_uri: pageNumber > 0 ? uriFor(pageNumber - 1) : null,
      start: pageNumber * pageSize,
      uri: `${path}?${query}`,
    };
  }

  function availableNumbers(country: string, type: NumberType, query: URLSearchParams) {
    if (type === 'Mobile' && ['US', 'CA', 'PR'].includes(country)) {
      throw new ApiRefusal(404, 20404, `The requested resource ${accountPath}/AvailablePhoneNumbers/${country}/Mobile.json was not found`);
    }
    const found = searchNumbers({
      country,
      type,
      ...(query.get('AreaCode') ? { areaCode: query.get('AreaCode')! } : {}),
      ...(query.get('Contains') ? { contains: query.get('Contains')! } : {}),
      limit: Math.min(Number(query.get('PageSize')) || 20, 30),
      taken: new Set([...numbers.keys(), ...Object.keys(FAILING_RECIPIENTS), REPLYING_RECIPIENT]),
    });
    const smsEnabled = query.get('SmsEnabled');
    return {
      available_phone_numbers: found
        .map((e164) => ({ e164, capabilities: simulatedCapabilities(e164) }))
        .filter(({ capabilities }) => smsEnabled !== 'true' || capabilities.sms)
        .map(({ e164, capabilities }) => ({
          address_requirements: 'none',
          beta: false,
          capabilities: { voice: capabilities.voice, SMS: capabilities.sms, MMS: capabilities.mms, fax: false },
          friendly_name: describeNumber(e164).nationalFormat,
          iso_country: country,
          lata: null,
          latitude: null,
          locality: null,
          longitude: null,
          phone_number: e164,
          postal_code: null,
          rate_center: null,
          region: null,
        })),
      uri: `${accountPath}/AvailablePhoneNumbers/${country}/${type}.json`,
    };
  }

  function rentNumber(form: URLSearchParams) {
    const input = form.get('PhoneNumber') ?? '';
    const e164 = e164Of(input);
    const unavailable = new Set([...numbers.keys(), ...Object.keys(FAILING_RECIPIENTS), REPLYING_RECIPIENT]);
    if (!e164 || unavailable.has(e164)) throw new ApiRefusal(400, 21422, `PhoneNumber ${input} is not available.`);
    const number: OwnedNumber = {
      sid: sid('PN'),
      e164,
      capabilities: simulatedCapabilities(e164),
      ...(form.get('SmsUrl') ? { smsUrl: form.get('SmsUrl')! } : {}),
      ...(form.get('StatusCallback') ? { statusCallback: form.get('StatusCallback')! } : {}),
      created: new Date(),
    };
    numbers.set(e164, number);
    return numberJson(number);
  }

  function lookup(rawNumber: string, query: URLSearchParams) {
    const number = parsePhoneNumberFromString(rawNumber, (query.get('CountryCode') ?? 'US') as 'US');
    const valid = Boolean(number?.isValid());
    const fields = (query.get('Fields') ?? '').split(',').map((field) => field.trim());
    const e164 = number?.number ?? rawNumber;
    return {
      calling_country_code: number?.countryCallingCode ?? null,
      country_code: number?.country ?? null,
      phone_number: e164,
      national_format: number?.formatNational() ?? null,
      valid,
      validation_errors: valid ? [] : ['INVALID_BUT_POSSIBLE'],
      caller_name: null,
      sim_swap: null,
      call_forwarding: null,
      line_type_intelligence:
        valid && fields.includes('line_type_intelligence')
          ? {
              carrier_name: 'Simulated Carrier',
              error_code: null,
              mobile_country_code: null,
              mobile_network_code: null,
              type: e164 === LANDLINE_RECIPIENT ? 'landline' : 'mobile',
            }
          : null,
      url: `https://lookups.twilio.com/v2/PhoneNumbers/${encodeURIComponent(e164)}`,
    };
  }

  function findMessage(messageSid: string): StoredMessage {
    const message = messages.get(messageSid);
    if (!message) throw new ApiRefusal(404, 20404, `The requested resource ${accountPath}/Messages/${messageSid}.json was not found`);
    return message;
  }

  function updateMessage(message: StoredMessage, form: URLSearchParams) {
    const status = form.get('Status');
    if (status !== null) {
      if (status !== 'canceled' || message.status !== 'scheduled') {
        throw new ApiRefusal(400, 30409, 'Only a scheduled message can be canceled.');
      }
      message.status = 'canceled';
    }
    if (form.get('Body') !== null) {
      if (form.get('Body') !== '') throw new ApiRefusal(400, 20009, 'A message body can only be redacted (set to an empty string).');
      if (['queued', 'sending', 'accepted'].includes(message.status)) {
        throw new ApiRefusal(400, 20009, 'Cannot redact a message that is still being sent.');
      }
      message.body = '';
    }
    message.updated = new Date();
    return messageJson(message);
  }

  type Route = { status: number; json: unknown } | { status: number; bytes: Uint8Array; type: string };

  function route(method: string, path: string, query: URLSearchParams, form: URLSearchParams): Route {
    const ok = (json: unknown, status = 200): Route => ({ status, json });
    let match: RegExpMatchArray | null;
    if ((match = path.match(/^\/v2\/PhoneNumbers\/([^/]+)$/))) {
      if (method !== 'GET') throw methodNotAllowed();
      return ok(lookup(decodeURIComponent(match[1]!), query));
    }
    if (!path.startsWith(`${accountPath}/`)) {
      throw new ApiRefusal(404, 20404, `The requested resource ${path} was not found`);
    }
    const rest = path.slice(accountPath.length);
    if (rest === '/Messages.json') {
      if (method === 'POST') return ok(messageJson(createMessage(form)), 201);
      if (method === 'GET') return ok(page('messages', listMessages(query).map(messageJson), path, query));
      throw methodNotAllowed();
    }
    if ((match = rest.match(/^\/Messages\/((?:SM|MM)[0-9a-f]{32})\.json$/))) {
      const message = findMessage(match[1]!);
      if (method === 'GET') return ok(messageJson(message));
      if (method === 'POST') return ok(updateMessage(message, form));
      throw methodNotAllowed();
    }
    if ((match = rest.match(/^\/Messages\/((?:SM|MM)[0-9a-f]{32})\/Media\.json$/))) {
      if (method !== 'GET') throw methodNotAllowed();
      const message = findMessage(match[1]!);
      return ok(page('media_list', message.media.map((media) => mediaJson(message, media)), path, query));
    }
    if ((match = rest.match(/^\/Messages\/((?:SM|MM)[0-9a-f]{32})\/Media\/(ME[0-9a-f]{32})(\.json)?$/))) {
      if (method !== 'GET') throw methodNotAllowed();
      const message = findMessage(match[1]!);
      const media = message.media.find((item) => item.sid === match![2]);
      if (!media) throw new ApiRefusal(404, 20404, `The requested resource ${path} was not found`);
      return match[3] ? ok(mediaJson(message, media)) : { status: 200, bytes: media.bytes, type: media.type };
    }
    if ((match = rest.match(/^\/AvailablePhoneNumbers\/([A-Z]{2})\/(Local|Mobile)\.json$/))) {
      if (method !== 'GET') throw methodNotAllowed();
      return ok(availableNumbers(match[1]!, match[2] as NumberType, query));
    }
    if (rest === '/IncomingPhoneNumbers.json') {
      if (method === 'POST') return ok(rentNumber(form), 201);
      if (method === 'GET') {
        const wanted = query.get('PhoneNumber');
        const owned = [...numbers.values()].filter((number) => !wanted || number.e164 === e164Of(wanted));
        return ok(page('incoming_phone_numbers', owned.map(numberJson), path, query));
      }
      throw methodNotAllowed();
    }
    throw new ApiRefusal(404, 20404, `The requested resource ${path} was not found`);
  }

  const methodNotAllowed = () => new ApiRefusal(405, 20004, 'Method not allowed');

  function authorized(req: IncomingMessage): boolean {
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Basic' || !encoded) return false;
    return Buffer.from(encoded, 'base64').toString() === `${accountSid}:${authToken}`;
  }

  function send(res: ServerResponse, result: Route) {
    if ('bytes' in result) {
      res.writeHead(result.status, { 'Content-Type': result.type, 'Content-Length': result.bytes.byteLength });
      res.end(result.bytes);
      return;
    }
    const body = JSON.stringify(result.json);
    res.writeHead(result.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  }

  const errorBody = (error: ApiRefusal) => ({
    status: error.status,
    json: { code: error.code, message: error.message, more_info: `https://www.twilio.com/docs/errors/${error.code}`, status: error.status },
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const prefix = baseUrl ? new URL(baseUrl).pathname.replace(/\/+$/, '') : '';
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 1_000_000) return send(res, errorBody(new ApiRefusal(413, 20001, 'Request body too large')));
      chunks.push(chunk as Buffer);
    }
    if (!authorized(req)) {
      return send(res, errorBody(new ApiRefusal(401, 20003, 'Authentication Error - invalid username')));
    }
    try {
      send(res, route(req.method ?? 'GET', path, url.searchParams, new URLSearchParams(Buffer.concat(chunks).toString())));
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      send(res, errorBody(error));
    }
  }

  return {
    accountSid,
    authToken,
    handler(req, res) {
      handle(req, res).catch((error: unknown) => {
        log(`Twilio simulator: ${String(error)}`);
        if (!res.headersSent) send(res, errorBody(new ApiRefusal(500, 20500, 'Internal Server Error')));
        else res.destroy();
      });
    },
    setBaseUrl(url) {
      baseUrl = url.replace(/\/+$/, '');
    },
    setWebhookBase(url) {
      webhookBase = url.replace(/\/+$/, '');
    },
    inbound: (message) => track(deliverInbound(message)),
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    async close() {
      closed = true;
      for (const [timer, settle] of timers) {
        clearTimeout(timer);
        settle();
      }
      timers.clear();
      aborts.abort();
      await Promise.allSettled([...pending]);
    },
  };
}
