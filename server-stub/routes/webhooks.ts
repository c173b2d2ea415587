import type { RequestContext } from './context.js';
import { HttpError, readForm, type Router } from './http.js';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/** The form, once `X-Twilio-Signature` proves Twilio signed exactly this URL (public base + path + query) and body. */
async function signedForm(context: RequestContext): Promise<Record<string, string>> {
  const signature = context.req.headers['x-twilio-signature'];
  if (typeof signature !== 'string' || signature === '') throw new HttpError(403, 'invalid_signature', 'X-Twilio-Signature is missing');
  const form = await readForm(context.req);
  const url = `${context.services.baseUrl()}${context.req.url ?? ''}`;
  if (!context.services.gateway.validateSignature(signature, url, form)) {
    throw new HttpError(403, 'invalid_signature', 'X-Twilio-Signature does not match this request');
  }
  return form;
}

function twiml(context: RequestContext): void {
  context.res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': Buffer.byteLength(EMPTY_TWIML) });
  context.res.end(EMPTY_TWIML);
}

export function webhookRoutes(router: Router<RequestContext>): void {
  router
    .on('POST', '/twilio/inbound', async (context) => {
      await context.services.messaging.inbound(await signedForm(context));
      twiml(context);
    })
    .on('POST', '/twilio/status', async (context) => {
      const form = await signedForm(context);
      await context.services.messaging.statusReport(form, context.url.searchParams.get('message'));
      twiml(context);
    });
}
