import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Store } from './store/index.js';

/** An attachment's bytes and what the stub knows of them. */
export interface StoredMedia {
  id: string;
  workspaceId: string;
  type: string;
  size: number;
  name: string;
  bytes: Uint8Array;
  createdAt: Date;
}

/** Where attachments live: the database here; object storage would implement the same two calls. */
export interface MediaStore {
  put(media: StoredMedia): Promise<void>;
  get(id: string): Promise<Omit<StoredMedia, 'createdAt'> | undefined>;
}

export function sqlMediaStore(store: Store): MediaStore {
  return {
    put: (media) => store.saveMedia(media),
    get: (id) => store.mediaContent(id),
  };
}

/** Signed URLs live this long: enough for Twilio to fetch an MMS and for a page to show it. */
export const MEDIA_URL_TTL_MS = 60 * 60 * 1000;

/**
 * Media URLs that work without a header (`<img>`, Twilio): HMAC-SHA256 of the id and expiry with
 * SMS_SIGNING_SECRET, so every instance sharing the secret accepts them.
 */
export class MediaUrls {
  constructor(
    private readonly secret: string,
    private readonly baseUrl: () => string,
  ) {}

  url(id: string, now: Date): string {
    const expires = Math.floor((now.getTime() + MEDIA_URL_TTL_MS) / 1000);
    return `${this.baseUrl()}/v1/media/${encodeURIComponent(id)}?expires=${expires}&signature=${this.sign(id, expires)}`;
  }

  verify(id: string, expires: string | null, signature: string | null, now: Date): boolean {
    if (!expires || !signature || !/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= now.getTime()) return false;
    const expected = Buffer.from(this.sign(id, Number(expires)));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(id: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${id}\n${expires}`).digest('base64url');
  }
}
