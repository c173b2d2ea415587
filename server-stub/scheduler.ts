import type { Clock } from './clock.js';
import { EVENT_RETENTION_MS } from './events.js';
import type { Messaging } from './messaging.js';
import type { Store } from './store/index.js';

export interface SchedulerOptions {
  /** How often due and stranded messages are looked for. */
  intervalMs: number;
  /** A message `sending` without a Twilio sid for this long lost its instance mid-send. */
  staleAfterMs: number;
}

const BATCH = 20;

/**
 * Sends scheduled messages when due and reconciles sends stranded by a crash. Every claim is an atomic
 * UPDATE, so with several instances on one database each message is taken by exactly one of them.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastPurge = 0;

  constructor(
    private readonly store: Store,
    private readonly messaging: Messaging,
    private readonly clock: Clock,
    private readonly options: SchedulerOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; overlapping calls share the pass in flight. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      const now = this.clock.now();
      for (const message of await this.store.claimDue(now, BATCH)) await this.messaging.sendScheduled(message);
      const staleBefore = new Date(now.getTime() - this.options.staleAfterMs);
      for (const message of await this.store.claimStale(staleBefore, now, BATCH)) {
        await this.messaging.reconcile(message).catch(() => undefined);
      }
      if (now.getTime() - this.lastPurge > 60 * 60 * 1000) {
        await this.store.purge(new Date(now.getTime() - EVENT_RETENTION_MS));
        this.lastPurge = now.getTime();
      }
    } catch {
      // The database or Twilio is away; the next tick tries again.
    }
  }
}
