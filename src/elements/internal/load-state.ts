/** Where a controller's loading stands; `error` comes with a message the element shows as a label. */
export type LoadState = 'pending' | 'complete' | 'error';

/** Whatever was thrown, as an `Error` whose message can be shown. */
export const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
