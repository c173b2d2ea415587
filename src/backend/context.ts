import { createContext } from '@lit/context';
import type { Me } from '../protocol/index.js';
import type { SmsBackend } from './types.js';

/** The backend every element inside an `<sms-provider>` talks to. */
export const backendContext = createContext<SmsBackend | undefined>(Symbol('sms-backend'));

/** The signed-in user, workspace and numbers; undefined until loaded. */
export const meContext = createContext<Me | undefined>(Symbol('sms-me'));
