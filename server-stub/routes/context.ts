import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock.js';
import type { EventHub } from '../events.js';
import type { MediaStore, MediaUrls } from '../media.js';
import type { Messaging } from '../messaging.js';
import type { Store, UserRecord } from '../store/index.js';
import type { TwilioGateway } from '../twilio/gateway.js';
import type { TwilioSimulator } from '../twilio/simulator.js';
import { HttpError } from './http.js';

/** What every handler may use; built once by createApp. */
export interface Services {
  store: Store;
  gateway: TwilioGateway;
  clock: Clock;
  events: EventHub;
  messaging: Messaging;
  mediaStore: MediaStore;
  mediaUrls: MediaUrls;
  baseUrl: () => string;
  simulator: Pick<TwilioSimulator, 'inbound'> | undefined;
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  services: Services;
}

/** The user behind `Authorization: Bearer`, or also `?access_token=` where a header cannot be sent. */
export async function authenticate(context: RequestContext, options: { queryToken?: boolean } = {}): Promise<UserRecord> {
  const header = context.req.headers.authorization;
  const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  const token = bearer ?? (options.queryToken ? context.url.searchParams.get('access_token') : null);
  if (!token) throw new HttpError(401, 'unauthorized', 'Sign in: send Authorization: Bearer <token>', { headers: { 'WWW-Authenticate': 'Bearer' } });
  const user = await context.services.store.userByToken(token);
  if (!user) throw new HttpError(401, 'unauthorized', 'This token is not valid', { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
  return user;
}
