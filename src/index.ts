/** The package's classes and types. Importing it registers nothing; `sms-elements/define` registers every tag. */
export { SmsProvider, THEMES, type Theme } from './elements/sms-provider/sms-provider.component.js';
export { SmsComposer } from './elements/sms-composer/sms-composer.component.js';
export { NumberPicker, PICKER_MODES, type PickerMode } from './elements/number-picker/number-picker.component.js';
export { SmsThread } from './elements/sms-thread/sms-thread.component.js';
export { SmsInbox } from './elements/sms-inbox/sms-inbox.component.js';
export {
  SmsSendEvent,
  SmsSentEvent,
  SmsSendErrorEvent,
  SmsNumberChangeEvent,
  SmsNumberRentedEvent,
  SmsConversationSelectEvent,
} from './elements/internal/events.js';
export {
  registerMessages,
  useMessages,
  translate,
  localeContext,
  LocalizeController,
  type Catalog,
  type Messages,
  type LocaleSettings,
} from './elements/internal/localize.js';
export { HttpBackend, getBackend, type HttpBackendOptions, type TokenSource } from './backend/http-backend.js';
export { MemoryBackend, type MemoryBackendOptions, type MemoryDelays } from './backend/memory-backend.js';
export { BackendError } from './backend/types.js';
export type { SmsBackend, ConversationQuery, MessageQuery, SendOptions, UploadOptions, EventListener } from './backend/types.js';
export { backendContext, meContext } from './backend/context.js';
export type {
  AvailableNumber,
  AvailableNumbers,
  AvailableQuery,
  Conversation,
  Me,
  Media,
  Message,
  MessageError,
  MessageStatus,
  Page,
  Recipient,
  RentRequest,
  SendRequest,
  SmsEvent,
} from './protocol/index.js';
export type { PhoneNumber, Capabilities, Violation, Warning, SendDraft } from './rules/types.js';
