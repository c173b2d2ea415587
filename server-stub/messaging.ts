import { createHash, randomUUID } from 'node:crypto';
import type { Conversation, Message, Recipient, SendRequest } from '../src/protocol/index.js';
import { analyzeMessage, carrierError, optOutKeyword, parsePhone, validateSend } from '../src/rules/index.js';
import type { SendDraft } from '../src/rules/types.js';
import type { Clock } from './clock.js';
import type { EventHub } from './events.js';
import type { MediaStore, MediaUrls } from './media.js';
import { HttpError, notFound } from './routes/http.js';
import { fromTwilioStatus, isFailure } from './status.js';
import { numbersForUser, type ConversationRecord, type MessageRecord, type Store, type UserRecord } from './store/index.js';
import { TwilioApiError, TwilioUnreachableError, type TwilioGateway } from './twilio/gateway.js';

export interface MessagingOptions {
  store: Store;
  gateway: TwilioGateway;
  clock: Clock;
  events: EventHub;
  mediaStore: MediaStore;
  mediaUrls: MediaUrls;
  /** Where Twilio reaches the stub (webhooks, status callbacks, media). */
  baseUrl: () => string;
  /** Attempts and first backoff for calls that surely never reached Twilio. */
  retry: { attempts: number; delayMs: number };
}

/** Twilio codes that mean "this recipient opted out at the carrier". */
const CARRIER_OPT_OUT = 21610;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Twilio said no for now (rate limit, maintenance): the request was not taken, so it may be repeated. */
const retryable = (error: unknown): boolean =>
  (error instanceof TwilioUnreachableError && !error.timedOut) ||
  (error instanceof TwilioApiError && (error.status === 429 || error.status === 503));

/**
 * Sending, receiving and the opt-out state: every path that changes a message or a recipient, so each
 * change is stored, then announced on the event stream.
 */
export class Messaging {
  constructor(private readonly options: MessagingOptions) {}

  private get store() {
    return this.options.store;
  }

  private now(): Date {
    return this.options.clock.now();
  }

  /** A stored message as the wire carries it, media URLs signed for the next hour. */
  toWire(record: MessageRecord): Message {
    const now = this.now();
    return {
      id: record.id,
      direction: record.direction,
      from: record.from,
      to: record.to,
      body: record.body,
      media: record.media.map((media) => ({ ...media, url: this.options.mediaUrls.url(media.id, now) })),
      status: record.status,
      ...(record.errorCode !== null && isFailure(record.status) ? { error: carrierError(record.errorCode) } : {}),
      ...(record.sendAt ? { sendAt: record.sendAt.toISOString() } : {}),
      createdAt: record.createdAt.toISOString(),
      segments: record.segments,
      encoding: record.encoding,
    };
  }

  async send(user: UserRecord, request: SendRequest, idempotencyKey: string | undefined): Promise<Message> {
    const attachmentIds = (request.attachments ?? []).map((attachment) => attachment.id);
    const requestHash = createHash('sha256').update(JSON.stringify([request.from ?? null, request.to, request.body, attachmentIds, request.sendAt ?? null])).digest('hex');
    // A retry answers what the first attempt did, even if the rules would now judge the draft otherwise.
    const earlier = idempotencyKey ? await this.store.idempotencyRecord(user.id, idempotencyKey) : undefined;
    if (earlier) return this.replay(earlier, requestHash);
    const media = await this.store.mediaInfo(user.workspaceId, attachmentIds);
    const byId = new Map(media.map((item) => [item.id, item]));
    const missing = attachmentIds.find((id) => !byId.has(id));
    if (missing) throw notFound(`No attachment ${missing}`);
    const attachments = attachmentIds.map((id) => byId.get(id)!);

    const draft: SendDraft = {
      to: request.to,
      body: request.body,
      attachments: attachments.map(({ name, type, size }) => ({ name, type, size })),
      ...(request.from !== undefined ? { from: request.from } : {}),
      ...(request.sendAt !== undefined ? { sendAt: request.sendAt } : {}),
    };
    const numbers = numbersForUser(await this.store.workspaceNumbers(user.workspaceId), user.id);
    const to = parsePhone(request.to);
    const recipient = to.ok && !to.shortCode ? await this.store.recipient(user.workspaceId, to.e164) : undefined;
    const context = { numbers, now: this.now(), optedOut: (e164: string) => e164 === recipient?.e164 && recipient.optedOut };
    let check = validateSend(draft, context);
    const from = request.from !== undefined ? parsePhone(request.from) : undefined;
    const sender = from?.ok ? from.e164 : check.from;
    // A carrier opt-out of one sender (STOP answered with START elsewhere) blocks that sender alone.
    if (check.violations.length === 0 && sender && recipient?.blockedSenders.includes(sender)) {
      check = validateSend({ ...draft, from: sender }, { ...context, optedOut: () => true });
    }
    if (check.violations.length > 0 || !sender || !to.ok) {
      throw new HttpError(422, 'rule_violation', check.violations[0]?.message ?? 'This message cannot be sent', { violations: check.violations });
    }

    const analysis = analyzeMessage(request.body);
    const createdAt = this.now();
    const stored = await this.store.insertMessage(
      {
        workspaceId: user.workspaceId,
        contact: to.e164,
        direction: 'outbound',
        from: sender,
        to: to.e164,
        body: request.body,
        status: request.sendAt ? 'scheduled' : 'sending',
        errorCode: null,
        sentBy: user.id,
        sendAt: request.sendAt ? new Date(request.sendAt) : null,
        createdAt,
        segments: analysis.segments,
        encoding: analysis.encoding,
        twilioSid: null,
        mediaIds: attachmentIds,
      },
      idempotencyKey ? { userId: user.id, key: idempotencyKey, requestHash } : undefined,
    );
    if (!stored.created) return this.replay({ message: stored.message, requestHash: stored.requestHash ?? '' }, requestHash);
    if (stored.message.status === 'scheduled') {
      await this.announce(stored.message, 'message.created');
      return this.toWire(stored.message);
    }
    try {
      const sent = await this.dispatch(stored.message);
      await this.announce(sent, 'message.created');
      return this.toWire(sent);
    } catch (error) {
      // Twilio surely never got it: leave no trace, so the client's retry starts afresh.
      if (error instanceof TwilioUnreachableError) await this.store.discardMessage(stored.message.id);
      throw error;
    }
  }

  private replay(earlier: { message: MessageRecord; requestHash: string }, requestHash: string): Message {
    if (earlier.requestHash !== requestHash) {
      throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different message');
    }
    return this.toWire(earlier.message);
  }

  /**
   * Hands a `sending` message to Twilio. Retries only what surely did not arrive; a refusal stores the message
   * as failed; a timeout leaves it `sending` without a sid, for reconciliation. Rejects with
   * TwilioUnreachableError when Twilio stayed unreachable.
   */
  async dispatch(message: MessageRecord): Promise<MessageRecord> {
    const { gateway, retry, baseUrl } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const created = await gateway.createMessage({
          from: message.from,
          to: message.to,
          body: message.body,
          ...(message.media.length ? { mediaUrl: message.media.map((media) => this.options.mediaUrls.url(media.id, this.now())) } : {}),
          statusCallback: `${baseUrl()}/twilio/status?message=${encodeURIComponent(message.id)}`,
        });
        const status = fromTwilioStatus(created.status) ?? 'queued';
        const updated = await this.store.applyTwilioReport(message.id, { sid: created.sid, status, errorCode: created.errorCode, at: this.now() });
        if (created.errorCode === CARRIER_OPT_OUT) await this.carrierOptOut(message.workspaceId, message.to, message.from);
        return updated ?? (await this.store.message(message.id))!;
      } catch (error) {
        if (retryable(error) && attempt < retry.attempts) {
          await sleep(retry.delayMs * 2 ** (attempt - 1));
          continue;
        }
        if (error instanceof TwilioUnreachableError && error.timedOut) return message;
        if (error instanceof TwilioApiError && !retryable(error)) {
          const failed = await this.store.applyTwilioReport(message.id, { status: 'failed', errorCode: error.code, at: this.now() });
          if (error.code === CARRIER_OPT_OUT) await this.carrierOptOut(message.workspaceId, message.to, message.from);
          return failed ?? (await this.store.message(message.id))!;
        }
        throw error instanceof TwilioApiError ? new TwilioUnreachableError(error.message, false) : error;
      }
    }
  }

  /** A scheduled message whose time came, claimed by this instance. */
  async sendScheduled(message: MessageRecord): Promise<void> {
    try {
      await this.announce(await this.dispatch(message), 'message.updated');
    } catch (error) {
      if (!(error instanceof TwilioUnreachableError)) throw error;
      // Twilio is down: back to the queue for the next tick.
      await this.store.transition(message.id, 'sending', 'scheduled', this.now());
    }
  }

  /**
   * A message left `sending` without a sid (its instance died mid-send): if Twilio has a message To/From
   * since then that no other message claims, that is it; otherwise it never arrived and is sent now.
   */
  async reconcile(message: MessageRecord): Promise<void> {
    const since = new Date((message.sendAt ?? message.createdAt).getTime() - 60_000);
    const candidates = await this.options.gateway.listMessages({ to: message.to, from: message.from, dateSentAfter: since });
    const known = await this.store.knownSids(candidates.map((candidate) => candidate.sid));
    const match = candidates.filter((c) => !known.has(c.sid)).sort((a, b) => a.dateCreated.getTime() - b.dateCreated.getTime())[0];
    if (match) {
      const status = fromTwilioStatus(match.status) ?? 'queued';
      const updated = await this.store.applyTwilioReport(message.id, { sid: match.sid, status, errorCode: match.errorCode, at: this.now() });
      if (updated) await this.announce(updated, 'message.updated');
      return;
    }
    await this.sendScheduled(message);
  }

  async cancel(user: UserRecord, id: string): Promise<Message> {
    const message = await this.store.message(id);
    if (!message || message.workspaceId !== user.workspaceId) throw notFound('No such message');
    const mine = numbersForUser(await this.store.workspaceNumbers(user.workspaceId), user.id).some((n) => n.e164 === message.from && n.member);
    if (!mine) throw new HttpError(403, 'forbidden', 'Only members of the sending number can cancel this message');
    const canceled = await this.store.transition(id, 'scheduled', 'canceled', this.now());
    if (!canceled) throw new HttpError(409, 'not_scheduled', `This message is ${(await this.store.message(id))!.status}, no longer scheduled`);
    await this.announce(canceled, 'message.updated');
    return this.toWire(canceled);
  }

  /** Twilio's status callback. `messageId` comes from the callback URL, the sid from the body. */
  async statusReport(form: Record<string, string>, messageId: string | null): Promise<void> {
    const sid = form.MessageSid ?? form.SmsSid;
    const status = fromTwilioStatus(form.MessageStatus ?? form.SmsStatus ?? '');
    if (!sid || !status) return;
    const byId = messageId ? await this.store.message(messageId) : undefined;
    const message = byId && (byId.twilioSid === null || byId.twilioSid === sid) ? byId : await this.store.messageBySid(sid);
    if (!message || message.direction !== 'outbound') return;
    const errorCode = form.ErrorCode ? Number(form.ErrorCode) : null;
    const updated = await this.store.applyTwilioReport(message.id, { sid, status, errorCode: Number.isFinite(errorCode) ? errorCode : null, at: this.now() });
    if (!updated) return;
    await this.announce(updated, 'message.updated');
    if (isFailure(updated.status) && updated.errorCode === CARRIER_OPT_OUT) await this.carrierOptOut(updated.workspaceId, updated.to, updated.from);
  }

  /** Twilio's inbound webhook: stored once per MessageSid, media fetched from Twilio, keywords applied. */
  async inbound(form: Record<string, string>): Promise<void> {
    const sid = form.MessageSid ?? form.SmsSid;
    const number = form.To ? await this.store.numberByE164(form.To) : undefined;
    if (!sid || !number || !form.From) return;
    const count = Math.min(Number(form.NumMedia) || 0, 10);
    // A repeated webhook is stored once by its sid anyway; checking first spares fetching its media again.
    if (count > 0 && (await this.store.messageBySid(sid))) return;
    const mediaIds: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const url = form[`MediaUrl${index}`];
      if (!url) continue;
      try {
        const { bytes, type } = await this.options.gateway.fetchMedia(url);
        const id = `med_${randomUUID()}`;
        const extension = type.split('/')[1]?.replace(/[^\w.+-]/g, '') || 'bin';
        await this.options.mediaStore.put({ id, workspaceId: number.workspaceId, type, size: bytes.length, name: `attachment-${index + 1}.${extension}`, bytes, createdAt: this.now() });
        mediaIds.push(id);
      } catch {
        // A medium Twilio would not hand over is left out; the text still arrives.
      }
    }
    const body = form.Body ?? '';
    const analysis = analyzeMessage(body);
    const contact = parsePhone(form.From);
    const stored = await this.store.insertMessage({
      workspaceId: number.workspaceId,
      contact: contact.ok ? contact.e164 : form.From,
      direction: 'inbound',
      from: form.From,
      to: number.e164,
      body,
      status: 'received',
      errorCode: null,
      sentBy: null,
      sendAt: null,
      createdAt: this.now(),
      segments: analysis.segments,
      encoding: analysis.encoding,
      twilioSid: sid,
      mediaIds,
    });
    if (!stored.created) return;
    await this.announce(stored.message, 'message.created');
    const keyword = optOutKeyword(body);
    if (keyword === 'STOP') await this.changeRecipient(number.workspaceId, stored.message.contact, () => ({ optedOut: true, lastKeyword: 'STOP' }));
    if (keyword === 'START') {
      await this.changeRecipient(number.workspaceId, stored.message.contact, (current) => ({
        optedOut: false,
        lastKeyword: 'START',
        blockedSenders: current.blockedSenders.filter((sender) => sender !== number.e164),
      }));
    }
  }

  async recipient(user: UserRecord, e164: string): Promise<Recipient> {
    let record = await this.store.recipient(user.workspaceId, e164);
    if (record.lineType === null) {
      const lineType = await this.options.gateway.lineType(e164).catch(() => undefined);
      if (lineType) record = await this.store.updateRecipient(user.workspaceId, e164, this.now(), () => ({ lineType }));
    }
    return this.recipientWire(record);
  }

  private recipientWire(record: { e164: string; optedOut: boolean; blockedSenders: string[]; lineType: string | null }): Recipient {
    return { e164: record.e164, optedOut: record.optedOut, blockedSenders: record.blockedSenders, ...(record.lineType ? { lineType: record.lineType } : {}) };
  }

  /** 21610 from Twilio: the recipient opted out at the carrier; after their START only that sender stays blocked. */
  private carrierOptOut(workspaceId: string, recipient: string, sender: string): Promise<void> {
    return this.changeRecipient(workspaceId, recipient, (current) =>
      current.lastKeyword === 'START'
        ? { blockedSenders: current.blockedSenders.includes(sender) ? current.blockedSenders : [...current.blockedSenders, sender] }
        : { optedOut: true },
    );
  }

  private async changeRecipient(
    workspaceId: string,
    e164: string,
    change: Parameters<Store['updateRecipient']>[3],
  ): Promise<void> {
    const updated = await this.store.updateRecipient(workspaceId, e164, this.now(), change);
    await this.options.events.publish(workspaceId, [{ type: 'recipient.updated', data: this.recipientWire(updated) }]);
  }

  /** Publishes the message to the workspace and its conversation to each user as they see it (unread is per user). */
  async announce(message: MessageRecord, type: 'message.created' | 'message.updated'): Promise<void> {
    const views = await this.store.conversationViews(message.workspaceId, message.contact);
    await this.options.events.publish(message.workspaceId, [
      { type, data: this.toWire(message) },
      ...views.map(({ userId, conversation }) => ({ type: 'conversation.updated' as const, data: this.conversationWire(conversation), userId })),
    ]);
  }

  /** Marks the conversation read for this user and tells their streams alone. */
  async markRead(user: UserRecord, contact: string): Promise<Conversation> {
    const outcome = await this.store.markRead(user, contact);
    if (outcome === 'missing') throw notFound('No conversation with this contact');
    const conversation = this.conversationWire((await this.store.conversation(user.workspaceId, contact, user.id))!);
    if (outcome === 'marked') await this.options.events.publish(user.workspaceId, [{ type: 'conversation.updated', data: conversation, userId: user.id }]);
    return conversation;
  }

  conversationWire(conversation: ConversationRecord): Conversation {
    return {
      contact: conversation.contact,
      ...(conversation.contactName ? { contactName: conversation.contactName } : {}),
      lastMessage: this.toWire(conversation.lastMessage),
      unread: conversation.unread,
      hasError: conversation.hasError,
      updatedAt: conversation.updatedAt.toISOString(),
    };
  }
}
