import type { ServerResponse } from 'node:http';
import type { EventType } from '../src/protocol/index.js';
import type { Clock } from './clock.js';
import type { EventRecord, Store, UserRecord } from './store/index.js';

/** Events are kept at least this long; a client away longer gets `reset`. */
export const EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;
const CHANNEL = 'sms_events';
/** A client this far behind is cut off rather than buffered without end; it resumes with Last-Event-ID. */
const MAX_BUFFERED_BYTES = 1 << 20;

interface Subscriber {
  res: ServerResponse;
  userId: string;
  /** The highest id this client has been sent. */
  last: number;
}

interface Channel {
  /** The highest id read from the store and handed to subscribers. */
  last: number;
  subscribers: Set<Subscriber>;
  /** Every read and every join runs in turn, so no client sees an id out of order, twice, or never. */
  queue: Promise<void>;
}

/** Live, replayed or caught up, a stream carries its workspace's events and those addressed to its own user. */
const visibleTo = (event: EventRecord, subscriber: Subscriber): boolean => event.userId === null || event.userId === subscriber.userId;

const frame = (event: EventRecord): string => `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;

/**
 * Server-Sent Events per workspace, some addressed to one user (their own view of a conversation). Writers append to the store's events table; the store's NOTIFY (from
 * any instance sharing the database) wakes every instance, which reads what is new once per workspace and
 * fans it out to its open streams.
 */
export class EventHub {
  private readonly channels = new Map<string, Channel>();
  private unlisten: (() => Promise<void>) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly options: { heartbeatMs: number },
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.store.db.listen(CHANNEL, (workspaceId) => {
      const channel = this.channels.get(workspaceId);
      if (channel) this.enqueue(channel, () => this.catchUp(workspaceId, channel)).catch(() => undefined);
    });
    this.heartbeat = setInterval(() => {
      for (const channel of this.channels.values()) for (const subscriber of channel.subscribers) this.write(channel, subscriber, ': ping\n\n');
    }, this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.unlisten?.();
    for (const channel of this.channels.values()) for (const subscriber of channel.subscribers) subscriber.res.end();
    this.channels.clear();
  }

  /** Records events, in order; they reach open streams on every instance once committed, only the user's own when `userId` is set. */
  publish(workspaceId: string, events: { type: EventType; data: unknown; userId?: string }[]): Promise<number[]> {
    return this.store.appendEvents(workspaceId, events, this.clock.now());
  }

  /** Number of open streams on this instance. */
  get size(): number {
    let count = 0;
    for (const channel of this.channels.values()) count += channel.subscribers.size;
    return count;
  }

  /**
   * Opens a stream. Without `lastEventId` it starts live; with one it first replays everything after it, or
   * sends `reset` when that id is older than what is kept (or unknown).
   */
  connect(user: Pick<UserRecord, 'id' | 'workspaceId'>, res: ServerResponse, lastEventId: number | undefined): Promise<void> {
    const { workspaceId } = user;
    let channel = this.channels.get(workspaceId);
    if (!channel) {
      const created: Channel = { last: 0, subscribers: new Set(), queue: Promise.resolve() };
      this.channels.set(workspaceId, created);
      this.enqueue(created, async () => {
        created.last = (await this.store.eventBounds(workspaceId)).last;
      }).catch(() => undefined);
      channel = created;
    }
    const joined = channel;
    const subscriber: Subscriber = { res, userId: user.id, last: 0 };
    res.on('close', () => {
      joined.subscribers.delete(subscriber);
      if (joined.subscribers.size === 0 && this.channels.get(workspaceId) === joined) this.channels.delete(workspaceId);
    });
    return this.enqueue(joined, async () => {
      await this.catchUp(workspaceId, joined);
      if (res.destroyed) return;
      // Headers go out once the stream is live, so a client that sees them misses nothing after.
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      if (lastEventId !== undefined) await this.replay(workspaceId, joined, subscriber, lastEventId);
      subscriber.last = Math.max(subscriber.last, joined.last);
      joined.subscribers.add(subscriber);
    });
  }

  private async replay(workspaceId: string, channel: Channel, subscriber: Subscriber, lastEventId: number): Promise<void> {
    const bounds = await this.store.eventBounds(workspaceId);
    if (lastEventId + 1 < bounds.oldestKept || lastEventId > bounds.last) {
      this.write(channel, subscriber, `id: ${channel.last}\nevent: reset\ndata: null\n\n`);
      return;
    }
    subscriber.last = lastEventId;
    while (subscriber.last < channel.last) {
      const events = (await this.store.eventsAfter(workspaceId, subscriber.last)).filter((event) => event.id <= channel.last);
      if (events.length === 0) break;
      for (const event of events) if (visibleTo(event, subscriber)) this.write(channel, subscriber, frame(event));
      subscriber.last = events.at(-1)!.id;
    }
  }

  private async catchUp(workspaceId: string, channel: Channel): Promise<void> {
    for (;;) {
      const events = await this.store.eventsAfter(workspaceId, channel.last);
      for (const event of events) {
        const text = frame(event);
        for (const subscriber of channel.subscribers) {
          if (event.id <= subscriber.last || !visibleTo(event, subscriber)) continue;
          this.write(channel, subscriber, text);
          subscriber.last = event.id;
        }
        channel.last = event.id;
      }
      if (events.length < 1000) return;
    }
  }

  private write(channel: Channel, subscriber: Subscriber, text: string): void {
    if (subscriber.res.writableLength > MAX_BUFFERED_BYTES) {
      channel.subscribers.delete(subscriber);
      subscriber.res.destroy();
      return;
    }
    subscriber.res.write(text);
  }

  /** A failed read (the database hiccuped) leaves `channel.last` alone: the next notification reads again from there. */
  private enqueue(channel: Channel, task: () => Promise<void>): Promise<void> {
    const run = channel.queue.then(task);
    channel.queue = run.catch(() => undefined);
    return run;
  }
}
