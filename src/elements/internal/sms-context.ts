import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { backendContext, meContext } from '../../backend/context.js';
import type { SmsBackend } from '../../backend/types.js';
import type { Me } from '../../protocol/index.js';

/** The backend and signed-in user of the nearest `<sms-provider>`, re-rendering the host when either changes. */
export class SmsContextController {
  backend?: SmsBackend;
  me?: Me;

  constructor(host: ReactiveControllerHost & HTMLElement, onBackend?: (backend: SmsBackend | undefined) => void) {
    new ContextConsumer(host, {
      context: backendContext,
      subscribe: true,
      callback: (backend) => {
        if (backend === this.backend) return;
        this.backend = backend;
        onBackend?.(backend);
        host.requestUpdate();
      },
    });
    new ContextConsumer(host, {
      context: meContext,
      subscribe: true,
      callback: (me) => {
        this.me = me;
        host.requestUpdate();
      },
    });
  }
}
