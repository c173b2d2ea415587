import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { HttpBackend, getBackend } from '../../src/backend/http-backend.js';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import { createSmsApi } from '../../src/backend/msw.js';
import { BackendError } from '../../src/backend/types.js';
import type { SmsEvent } from '../../src/protocol/index.js';
import { sendRequestSchema } from '../../src/protocol/requests.js';

const memory = new MemoryBackend({ delays: { sent: 5, delivered: 5, reply: 5, upload: 0 }, mediaBase: '/api/v1/media' });
const api = createSmsApi(memory, { apiBase: '/api' });
const worker = setupWorker(...api.handlers);
const retryDelays = { send: [20, 20], streamMin: 30, streamMax: 200 };
const backend = () => new HttpBackend({ apiBase: '/api', token: 'demo-alice', retryDelays });

const requests: Request[] = [];
const record = ({ request }: { request: Request }) => requests.push(request.clone());

before(async () => {
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
  worker.events.on('request:start', record);
});
after(() => {
  worker.stop();
  memory.dispose();
});
afterEach(() => {
  worker.resetHandlers();
  requests.length = 0;
});

async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(BackendError);
    return error as BackendError;
  }
  throw new Error('expected a BackendError');
}

async function until(accept: () => boolean, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!accept()) {
    if (performance.now() - start > timeout) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('HttpBackend over the msw API', () => {
  it('reads /v1/me with the bearer token', async () => {
    const me = await backend().me();
    expect(me).to.deep.equal(await memory.me());
    expect(requests[0]!.headers.get('Authorization')).to.equal('Bearer demo-alice');
  });

  it('takes a fresh token from getToken for each request', async () => {
    let calls = 0;
    const refreshing = new HttpBackend({ apiBase: '/api', getToken: async () => (calls++ ? 'demo-bob' : 'demo-alice') });
    expect((await refreshing.me()).user.id).to.equal('alice');
    expect((await refreshing.me()).user.id).to.equal('bob');
  });

  it('turns error answers into BackendError: 401, 404, 422 with violations', async () => {
    const stranger = new HttpBackend({ apiBase: '/api', token: 'nobody' });
    const unauthorized = await rejection(stranger.me());
    expect([unauthorized.status, unauthorized.code]).to.deep.equal([401, 'unauthorized']);
    expect((await rejection(backend().cancel('msg_missing'))).status).to.equal(404);
    const invalid = await rejection(backend().send({ from: '+14155550102', to: '+14155550177', body: 'Hi' }));
    expect(invalid.status).to.equal(422);
    expect(invalid.code).to.equal('rule_violation');
    expect(invalid.violations.map((v) => v.code)).to.deep.equal(['sender_not_sms_capable']);
  });

  it('rejects an answer that does not match the wire schema', async () => {
    worker.use(http.get('/api/v1/me', () => HttpResponse.json({ user: 'nope' })));
    expect((await rejection(backend().me())).code).to.equal('bad_response');
  });

  it('sends now and later, and cancels the scheduled one', async () => {
    const now = await backend().send({ to: '+14155550177', body: 'Now' });
    expect(now.status).to.equal('queued');
    const later = await backend().send({ to: '+14155550177', body: 'Later', sendAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(later.status).to.equal('scheduled');
    expect((await backend().cancel(later.id)).status).to.equal('canceled');
    expect((await rejection(backend().cancel(later.id))).status).to.equal(409);
  });

  it('retries a send whose answer was lost with the same Idempotency-Key, and the message exists once', async () => {
    const body = `Lost answer ${Math.random()}`;
    worker.use(
      http.post(
        '/api/v1/messages',
        async ({ request }) => {
          const draft = sendRequestSchema.parse(await request.json());
          await memory.send(draft, { idempotencyKey: request.headers.get('Idempotency-Key')! });
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const message = await backend().send({ to: '+14155550142', body });
    const keys = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/v1/messages')).map((r) => r.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(2);
    expect(keys[0]).to.be.a('string').and.equal(keys[1]);
    const thread = await memory.messages({ contact: '+14155550142', limit: 200 });
    expect(thread.items.filter((m) => m.body === body).map((m) => m.id)).to.deep.equal([message.id]);
  });

  it('gives up after the last retry with a network error', async () => {
    worker.use(http.post('/api/v1/messages', () => HttpResponse.error()));
    const error = await rejection(backend().send({ to: '+14155550177', body: 'Nowhere' }));
    expect([error.status, error.code]).to.deep.equal([0, 'network']);
    expect(requests.filter((r) => r.url.endsWith('/api/v1/messages'))).to.have.length(3);
  });

  it('stops retrying a send when its signal aborts during the wait, rejecting as aborted', async () => {
    worker.use(http.post('/api/v1/messages', () => HttpResponse.error()));
    const abort = new AbortController();
    const waiting = new HttpBackend({ apiBase: '/api', token: 'demo-alice', retryDelays: { send: [5000] } });
    const sent = waiting.send({ to: '+14155550177', body: 'Never mind' }, { signal: abort.signal });
    await until(() => requests.some((r) => r.url.endsWith('/api/v1/messages')));
    setTimeout(() => abort.abort(), 50);
    const started = performance.now();
    const error = await rejection(sent);
    expect([error.status, error.code]).to.deep.equal([0, 'aborted']);
    expect(performance.now() - started).to.be.below(2000);
    expect(requests.filter((r) => r.url.endsWith('/api/v1/messages'))).to.have.length(1);
  });

  it('cancels an upload in flight, rejecting as aborted', async () => {
    worker.use(http.post('/api/v1/media', () => new Promise<Response>(() => undefined)));
    const abort = new AbortController();
    const upload = backend().upload(new File(['x'], 'slow.txt', { type: 'text/plain' }), { signal: abort.signal });
    await until(() => requests.some((r) => r.url.endsWith('/api/v1/media')));
    abort.abort();
    const error = await rejection(upload);
    expect([error.status, error.code]).to.deep.equal([0, 'aborted']);
  });

  it('uploads the raw file with its type and percent-encoded name, reporting progress', async () => {
    const progress: number[] = [];
    const file = new File([new Uint8Array(20_000)], 'été photo.png', { type: 'image/png' });
    const media = await backend().upload(file, { onProgress: (loaded) => progress.push(loaded) });
    expect(media).to.include({ name: 'été photo.png', type: 'image/png', size: 20_000 });
    expect(progress.at(-1)).to.equal(20_000);
    const upload = requests.find((r) => r.url.endsWith('/api/v1/media'))!;
    expect(upload.headers.get('X-Filename')).to.equal('%C3%A9t%C3%A9%20photo.png');
    const served = await fetch(media.url);
    expect(served.headers.get('Content-Type')).to.equal('image/png');
    expect((await served.arrayBuffer()).byteLength).to.equal(20_000);
    const sent = await backend().send({ to: '+14155550177', body: '', attachments: [{ id: media.id }] });
    expect(sent.media.map((m) => m.id)).to.deep.equal([media.id]);
  });

  it('refuses an upload of a forbidden type with 415', async () => {
    const error = await rejection(backend().upload(new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' })));
    expect(error.status).to.equal(415);
  });

  it('opens one event stream for many subscribers and closes it after the last', async () => {
    const http = backend();
    const a: SmsEvent[] = [];
    const b: SmsEvent[] = [];
    const stopA = http.subscribe((event) => a.push(event));
    const stopB = http.subscribe((event) => b.push(event));
    await until(() => requests.some((r) => r.url.endsWith('/api/v1/events')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await memory.inbound({ from: '+14155550177', to: '+14155550100', body: 'Both of you' });
    await until(() => a.some((e) => e.type === 'message.created') && b.some((e) => e.type === 'message.created'));
    expect(requests.filter((r) => r.url.endsWith('/api/v1/events'))).to.have.length(1);
    expect(requests.find((r) => r.url.endsWith('/api/v1/events'))!.headers.get('Authorization')).to.equal('Bearer demo-alice');
    stopA();
    stopB();
    const count = b.length;
    await memory.inbound({ from: '+14155550177', to: '+14155550100', body: 'Nobody listens' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(b.length).to.equal(count);
  });

  it('reconnects after a drop with Last-Event-ID and misses nothing', async () => {
    const http = backend();
    const seen: SmsEvent[] = [];
    const stop = http.subscribe((event) => seen.push(event));
    await until(() => requests.some((r) => r.url.endsWith('/api/v1/events')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await memory.inbound({ from: '+14155550177', to: '+14155550100', body: 'before the drop' });
    await until(() => seen.some((e) => e.type === 'conversation.updated' && e.data.lastMessage.body === 'before the drop'));
    const lastId = seen.at(-1)!.id;
    api.closeStreams();
    await memory.inbound({ from: '+14155550177', to: '+14155550100', body: 'during the drop' });
    await until(() => seen.some((e) => e.type === 'message.created' && e.data.body === 'during the drop'));
    const streams = requests.filter((r) => r.url.endsWith('/api/v1/events'));
    expect(streams).to.have.length(2);
    expect(streams[1]!.headers.get('Last-Event-ID')).to.equal(lastId);
    const ids = seen.map((e) => Number(e.id));
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids).to.deep.equal([...ids].sort((x, y) => x - y));
    stop();
  });

  it('passes a reset on to listeners, so they refetch', async () => {
    worker.use(http.get('/api/v1/events', () => new HttpResponse('id: 900\nevent: reset\ndata: null\n\n', { headers: { 'Content-Type': 'text/event-stream' } }), { once: true }));
    const seen: SmsEvent[] = [];
    const stop = backend().subscribe((event) => seen.push(event));
    await until(() => seen.length > 0);
    stop();
    expect(seen[0]).to.deep.equal({ id: '900', type: 'reset', data: null });
  });

  it('skips events of unknown types, even one named like a property of every object, and keeps the stream', async () => {
    const stream = 'event: constructor\ndata: {}\n\nevent: surprise\ndata: {}\n\nid: 901\nevent: reset\ndata: null\n\n';
    worker.use(http.get('/api/v1/events', () => new HttpResponse(stream, { headers: { 'Content-Type': 'text/event-stream' } }), { once: true }));
    const seen: SmsEvent[] = [];
    const stop = backend().subscribe((event) => seen.push(event));
    await until(() => seen.length > 0);
    stop();
    expect(seen).to.deep.equal([{ id: '901', type: 'reset', data: null }]);
    expect(requests.filter((r) => r.url.endsWith('/api/v1/events'))).to.have.length(1);
  });

  it('shares one adapter per api-base and token', () => {
    expect(getBackend('/api', 'demo-alice')).to.equal(getBackend('/api', 'demo-alice'));
    expect(getBackend('/api', 'demo-alice')).not.to.equal(getBackend('/api', 'demo-bob'));
    expect(getBackend('/api', 'demo-alice')).not.to.equal(getBackend('/other', 'demo-alice'));
  });
});
