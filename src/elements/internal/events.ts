/**
 * Every event the elements fire: classes with a typed, read-only `detail`, bubbling and composed so a host
 * page can listen on any ancestor. Intent events are cancelable so the page can veto them.
 */
import type { PhoneNumber } from '../../rules/types.js';
import type { Conversation, Message, SendRequest } from '../../protocol/index.js';
import type { BackendError } from '../../backend/types.js';

const init = (cancelable = false): EventInit => ({ bubbles: true, composed: true, cancelable });

/** Fired before a message is sent; `preventDefault()` stops the send. */
export class SmsSendEvent extends Event {
  static readonly type = 'sms-send';
  constructor(readonly detail: Readonly<{ request: SendRequest }>) {
    super(SmsSendEvent.type, init(true));
  }
}

/** The backend accepted the message (`queued`, or `scheduled` when sent later). */
export class SmsSentEvent extends Event {
  static readonly type = 'sms-sent';
  constructor(readonly detail: Readonly<{ message: Message }>) {
    super(SmsSentEvent.type, init());
  }
}

/** The send failed: rule violations from the server (status 422), or a network or server error. */
export class SmsSendErrorEvent extends Event {
  static readonly type = 'sms-send-error';
  constructor(readonly detail: Readonly<{ error: BackendError; request: SendRequest }>) {
    super(SmsSendErrorEvent.type, init());
  }
}

/** The user chose another of their numbers. */
export class SmsNumberChangeEvent extends Event {
  static readonly type = 'sms-number-change';
  constructor(readonly detail: Readonly<{ number: PhoneNumber }>) {
    super(SmsNumberChangeEvent.type, init());
  }
}

/** A number was rented; `<sms-provider>` reloads the user's numbers when it hears this. */
export class SmsNumberRentedEvent extends Event {
  static readonly type = 'sms-number-rented';
  constructor(readonly detail: Readonly<{ number: PhoneNumber }>) {
    super(SmsNumberRentedEvent.type, init());
  }
}

/** A conversation was chosen in the inbox. */
export class SmsConversationSelectEvent extends Event {
  static readonly type = 'sms-conversation-select';
  constructor(readonly detail: Readonly<{ contact: string; conversation?: Conversation }>) {
    super(SmsConversationSelectEvent.type, init());
  }
}

declare global {
  interface HTMLElementEventMap {
    'sms-send': SmsSendEvent;
    'sms-sent': SmsSentEvent;
    'sms-send-error': SmsSendErrorEvent;
    'sms-number-change': SmsNumberChangeEvent;
    'sms-number-rented': SmsNumberRentedEvent;
    'sms-conversation-select': SmsConversationSelectEvent;
  }
}
