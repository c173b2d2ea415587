/**
 * The static demo's API: the stub's HTTP API answered in the page by msw over a MemoryBackend, so the page
 * works from any static file server. Data lives as long as the page.
 */
import { setupWorker } from 'msw/browser';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { createSmsApi } from '../src/backend/msw.js';

/** Starts the mock API for `apiBase` (an absolute URL, as `<sms-provider api-base>` gets it). */
export async function startMockApi(apiBase: string): Promise<void> {
  const memory = new MemoryBackend({ mediaBase: `${apiBase}/v1/media` });
  const worker = setupWorker(...createSmsApi(memory, { apiBase }).handlers);
  await worker.start({
    serviceWorker: { url: new URL('./mockServiceWorker.js', location.href).pathname },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
