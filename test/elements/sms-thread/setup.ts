/** Shared by the thread and inbox suites: an element inside a real `<sms-provider>` with the given backend. */
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { SmsBackend } from '../../../src/backend/types.js';
import '../../../src/elements/sms-provider/sms-provider.js';

export async function provide<T extends Element>(backend: SmsBackend, content: TemplateResult, tag: string, locale = ''): Promise<T> {
  const provider = await fixture<HTMLElement>(html`<sms-provider .backend=${backend} locale=${locale}>${content}</sms-provider>`);
  return provider.querySelector(tag) as unknown as T;
}

/** Resolves when `condition` holds, checked each frame; fails the test after `timeout` ms. */
export async function until(condition: () => unknown, what = 'condition', timeout = 4000): Promise<void> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

export const frames = async (count = 3) => {
  for (let i = 0; i < count; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
};
