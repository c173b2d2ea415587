import twilio from 'twilio';
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import type { Capabilities } from '../../src/rules/types.js';
import {
  MediaUrlRefusedError,
  TwilioApiError,
  TwilioUnreachableError,
  type TwilioAvailableNumber,
  type TwilioGateway,
  type TwilioMessage,
} from './gateway.js';

/** Twilio's REST API host: inbound media URLs point here. */
export const TWILIO_API_ORIGIN = 'https://api.twilio.com';

export interface TwilioGatewayOptions {
  accountSid: string;
  authToken: string;
  /**
   * Where a Twilio-compatible API listens (the simulator), optionally with a path prefix. Every request of
   * every Twilio product goes there instead of *.twilio.com. Unset: the real Twilio.
   */
  apiBaseUrl?: string;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
}

type RequestOptions<TData> = Parameters<twilio.RequestClient['request']>[0] & { data?: TData };

/** Sends every request to `base`, keeping the path and query: covers api, lookups and every other product host. */
class RebasingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly base: string,
    timeout: number,
  ) {
    super({ timeout });
  }

  override request<TData>(options: RequestOptions<TData>) {
    const target = new URL(options.uri);
    return super.request<TData>({ ...options, uri: `${this.base}${target.pathname}${target.search}` });
  }
}

/** Errors that prove the request never left: nothing can have arrived, so a retry is safe. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function toGatewayError(error: unknown): Error {
  if (error instanceof twilio.RestException) {
    return new TwilioApiError(error.status, error.code ?? 0, error.message);
  }
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && NOT_SENT_CODES.has(code)) {
    return new TwilioUnreachableError(`Twilio is unreachable (${code})`, false);
  }
  return new TwilioUnreachableError(`No answer from Twilio: ${message}`, true);
}

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toGatewayError(error);
  }
}

/** Twilio spells capability keys in upper case for numbers for rent and in lower case for owned numbers. */
function readCapabilities(raw: Record<string, boolean | undefined> | undefined): Capabilities {
  return {
    sms: Boolean(raw?.sms ?? raw?.SMS),
    mms: Boolean(raw?.mms ?? raw?.MMS),
    voice: Boolean(raw?.voice ?? raw?.Voice),
  };
}

/** The library's message, reduced to what the stub keeps (it may leave `errorCode` undefined). */
function toMessage(message: Omit<TwilioMessage, 'errorCode'> & { errorCode?: number | null }): TwilioMessage {
  return {
    sid: message.sid,
    status: message.status,
    to: message.to,
    from: message.from,
    errorCode: message.errorCode ?? null,
    dateCreated: message.dateCreated,
  };
}

/** Twilio accepts `AreaCode` only in the US and Canada; elsewhere the area code becomes an anchored `Contains`. */
export function numberSearchParams(params: { country: string; areaCode?: string; contains?: string }): {
  areaCode?: number;
  contains?: string;
} {
  const areaCode = params.areaCode?.replace(/\D/g, '').replace(/^0+/, '');
  const contains = params.contains?.trim() || undefined;
  if (!areaCode) return contains ? { contains } : {};
  if (params.country === 'US' || params.country === 'CA') {
    return contains ? { areaCode: Number(areaCode), contains } : { areaCode: Number(areaCode) };
  }
  return { contains: `+${getCountryCallingCode(params.country as CountryCode)}${areaCode}` };
}

function basicAuth(accountSid: string, authToken: string): string {
  return `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
}

function mediaEssence(contentType: string | null): string {
  return (contentType ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
}

/** The official `twilio` library, talking to Twilio itself or, given `apiBaseUrl`, to the simulator. */
export function createTwilioGateway(options: TwilioGatewayOptions): TwilioGateway {
  const { accountSid, authToken } = options;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const apiBase = options.apiBaseUrl?.replace(/\/+$/, '');
  const httpClient = apiBase ? new RebasingRequestClient(apiBase, timeoutMs) : new twilio.RequestClient({ timeout: timeoutMs });
  const client = twilio(accountSid, authToken, { httpClient });
  const mediaRoots = [TWILIO_API_ORIGIN, ...(apiBase ? [apiBase] : [])].map(
    (root) => `${root}/2010-04-01/Accounts/${accountSid}/Messages/`,
  );
  const mediaPath = /^(MM|SM)[0-9a-f]{32}\/Media\/ME[0-9a-f]{32}$/;

  const isAccountMedia = (url: URL): boolean =>
    !url.username &&
    !url.password &&
    !url.search &&
    mediaRoots.some((root) => url.href.startsWith(root) && mediaPath.test(url.href.slice(root.length)));

  async function download<T>(url: string, headers: Record<string, string>, redirect: RequestRedirect, read: (response: Response) => Promise<T>): Promise<T> {
    try {
      return await read(await fetch(url, { headers, redirect, signal: AbortSignal.timeout(timeoutMs) }));
    } catch (error) {
      if (error instanceof TwilioApiError || error instanceof MediaUrlRefusedError) throw error;
      const cause = (error as { cause?: { code?: unknown } }).cause;
      throw toGatewayError(cause?.code ? cause : error);
    }
  }

  async function readMedia(response: Response): Promise<{ bytes: Uint8Array; type: string }> {
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { code?: unknown; message?: unknown } | null;
      throw new TwilioApiError(
        response.status,
        typeof body?.code === 'number' ? body.code : 0,
        typeof body?.message === 'string' ? body.message : `Media download failed with HTTP ${response.status}`,
      );
    }
    return { bytes: new Uint8Array(await response.arrayBuffer()), type: mediaEssence(response.headers.get('content-type')) };
  }

  return {
    createMessage: ({ from, to, body, mediaUrl, statusCallback }) =>
      call(async () =>
        toMessage(
          await client.messages.create({
            from,
            to,
            body,
            statusCallback,
            ...(mediaUrl?.length ? { mediaUrl } : {}),
          }),
        ),
      ),

    fetchMessage: (sid) => call(async () => toMessage(await client.messages(sid).fetch())),

    listMessages: ({ to, from, dateSentAfter }) =>
      call(async () => (await client.messages.list({ to, from, dateSentAfter, limit: 100 })).map(toMessage)),

    availableNumbers: ({ country, areaCode, contains }) =>
      call(async () => {
        const search = numberSearchParams({ country, areaCode, contains });
        const countryNumbers = client.availablePhoneNumbers(country);
        // Outside North America SMS usually lives on mobile numbers, which Twilio lists apart from local ones.
        const lists =
          country === 'US' || country === 'CA'
            ? [countryNumbers.local.list({ ...search, limit: 20 })]
            : [countryNumbers.local.list({ ...search, limit: 20 }), countryNumbers.mobile.list({ ...search, limit: 20 })];
        const settled = await Promise.allSettled(lists);
        const found = new Map<string, TwilioAvailableNumber>();
        for (const result of settled) {
          if (result.status === 'rejected') {
            // A number type Twilio does not offer in that country answers 404: that list is simply empty.
            if (result.reason instanceof twilio.RestException && result.reason.status === 404) continue;
            throw result.reason;
          }
          for (const number of result.value) {
            found.set(number.phoneNumber, {
              e164: number.phoneNumber,
              country: number.isoCountry,
              ...(number.locality ? { locality: number.locality } : {}),
              capabilities: readCapabilities(number.capabilities as unknown as Record<string, boolean>),
            });
          }
        }
        return [...found.values()];
      }),

    rentNumber: ({ phoneNumber, smsUrl, statusCallback }) =>
      call(async () => {
        const number = await client.incomingPhoneNumbers.create({ phoneNumber, smsUrl, smsMethod: 'POST', statusCallback });
        return {
          sid: number.sid,
          e164: number.phoneNumber,
          capabilities: readCapabilities(number.capabilities as unknown as Record<string, boolean>),
        };
      }),

    lineType: (e164) =>
      call(async () => {
        const lookup = await client.lookups.v2.phoneNumbers(e164).fetch({ fields: 'line_type_intelligence' });
        const type = (lookup.lineTypeIntelligence as { type?: unknown } | null)?.type;
        return typeof type === 'string' ? type : undefined;
      }),

    async fetchMedia(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new MediaUrlRefusedError(`Not a URL: ${url}`);
      }
      if (!isAccountMedia(parsed)) throw new MediaUrlRefusedError(`Not a media URL of this Twilio account: ${parsed.origin}`);
      return download(parsed.href, { Authorization: basicAuth(accountSid, authToken) }, 'manual', async (response) => {
        const location = response.headers.get('location');
        // Twilio answers with a redirect to its media CDN; the credentials stay behind.
        if (!apiBase && response.status >= 300 && response.status < 400 && location) {
          const cdn = new URL(location, parsed);
          if (cdn.protocol !== 'https:') throw new MediaUrlRefusedError(`Media redirect is not https: ${cdn.origin}`);
          return download(cdn.href, {}, 'follow', readMedia);
        }
        return readMedia(response);
      });
    },

    validateSignature: (signature, url, params) => twilio.validateRequest(authToken, signature, url, params),
  };
}
