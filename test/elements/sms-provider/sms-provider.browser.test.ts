import { expect, fixture, html } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import '../../../src/define.js';
import { MemoryBackend } from '../../../src/backend/memory-backend.js';
import { createSmsApi } from '../../../src/backend/msw.js';
import { backendContext, meContext } from '../../../src/backend/context.js';
import { localeContext, type LocaleSettings } from '../../../src/elements/internal/localize.js';
import type { SmsProvider } from '../../../src/elements/sms-provider/sms-provider.component.js';
import type { SmsBackend } from '../../../src/backend/types.js';
import type { Me } from '../../../src/protocol/index.js';
import { until } from '../internal/helpers.js';

/** A bare element that records what the provider gives it. */
class ContextProbe extends LitElement {
  backend?: SmsBackend;
  me?: Me;
  settings?: LocaleSettings;
  constructor() {
    super();
    new ContextConsumer(this, { context: backendContext, subscribe: true, callback: (v) => (this.backend = v) });
    new ContextConsumer(this, { context: meContext, subscribe: true, callback: (v) => (this.me = v) });
    new ContextConsumer(this, { context: localeContext, subscribe: true, callback: (v) => (this.settings = v) });
  }
}
customElements.define('context-probe', ContextProbe);

const memory = new MemoryBackend();
const api = createSmsApi(memory, { apiBase: '/prov' });
const worker = setupWorker(...api.handlers);
before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' }));
after(() => {
  worker.stop();
  memory.dispose();
});

describe('<sms-provider>', () => {
  it('provides the HTTP backend for api-base and token, and the signed-in user', async () => {
    const provider = await fixture<SmsProvider>(html`<sms-provider api-base="/prov" .token=${'demo-bob'}><context-probe></context-probe></sms-provider>`);
    const probe = provider.querySelector<ContextProbe>('context-probe')!;
    await until(() => Boolean(probe.me));
    expect(probe.me!.user.name).to.equal('Bob');
    expect(probe.backend).to.equal(provider.currentBackend);
    expect(provider.hasAttribute('token')).to.equal(false);
    expect(provider.outerHTML).not.to.contain('demo-bob');
    await expect(provider).to.be.accessible();
  });

  it('shares one adapter between providers with the same api-base and token', async () => {
    const page = await fixture(html`<div>
      <sms-provider api-base="/prov" .token=${'demo-alice'}></sms-provider>
      <sms-provider api-base="/prov" .token=${'demo-alice'}></sms-provider>
    </div>`);
    const [a, b] = page.querySelectorAll('sms-provider');
    await a!.updateComplete;
    await b!.updateComplete;
    expect(a!.currentBackend).to.exist.and.equal(b!.currentBackend);
  });

  it('prefers an explicit backend and shows a label when the user cannot be loaded', async () => {
    const failing = { ...memory, me: () => Promise.reject(new Error('Server down')) } as unknown as SmsBackend;
    const provider = await fixture<SmsProvider>(html`<sms-provider api-base="/prov" .token=${'demo-alice'} .backend=${failing}></sms-provider>`);
    await until(() => Boolean(provider.shadowRoot!.querySelector('[part=error]')));
    expect(provider.currentBackend).to.equal(failing);
    expect(provider.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('Server down');
  });

  it('provides locale and direction: Hebrew is right-to-left unless dir says otherwise', async () => {
    const provider = await fixture<SmsProvider>(html`<sms-provider .backend=${memory} locale="he"><context-probe></context-probe></sms-provider>`);
    const probe = provider.querySelector<ContextProbe>('context-probe')!;
    expect(probe.settings).to.deep.equal({ locale: 'he', dir: 'rtl' });
    provider.setAttribute('dir', 'ltr');
    await provider.updateComplete;
    expect(probe.settings).to.deep.equal({ locale: 'he', dir: 'ltr' });
    provider.locale = 'fr';
    provider.removeAttribute('dir');
    await provider.updateComplete;
    expect(probe.settings).to.deep.equal({ locale: 'fr', dir: 'ltr' });
  });

  it('sets the color scheme of everything inside from theme', async () => {
    const provider = await fixture<SmsProvider>(html`<sms-provider .backend=${memory} theme="dark"><sms-composer to="+14155550177"></sms-composer></sms-provider>`);
    const composer = provider.querySelector('sms-composer')!;
    await composer.updateComplete;
    const surface = () => getComputedStyle(composer.shadowRoot!.querySelector('form')!).backgroundColor;
    expect(getComputedStyle(composer).colorScheme).to.equal('dark');
    await expect(composer).to.be.accessible();
    const dark = surface();
    provider.theme = 'light';
    await provider.updateComplete;
    expect(getComputedStyle(composer).colorScheme).to.equal('light');
    expect(surface()).to.equal('rgb(255, 255, 255)');
    expect(dark).not.to.equal(surface());
    composer.style.setProperty('--sms-color-surface', 'rgb(1, 2, 3)');
    expect(surface()).to.equal('rgb(1, 2, 3)');
  });
});
