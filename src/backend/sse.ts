/** One dispatched Server-Sent Event, as the HTML standard's parser produces it. */
export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

/**
 * An incremental `text/event-stream` parser: feed it decoded chunks as they arrive, in any split, and it
 * returns the events completed so far. Lines end in CRLF, LF or CR; a `retry:` field is reported to `onRetry`.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | undefined;
  private pendingCr = false;

  constructor(private readonly onRetry?: (ms: number) => void) {}

  push(chunk: string): SseMessage[] {
    // A CR at the end of the previous chunk may be the first half of a CRLF.
    const text = this.pendingCr && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    this.pendingCr = text.endsWith('\r');
    const lines = (this.buffer + text).split(/\r\n?|\n/);
    this.buffer = lines.pop()!;
    const out: SseMessage[] = [];
    for (const line of lines) {
      // The field name up to the first colon; the value after it, less one leading space.
      const [, field, value] = /^([^:]*):? ?(.*)$/s.exec(line)!;
      if (line === '') {
        if (this.data.length) out.push({ ...(this.id === undefined ? {} : { id: this.id }), event: this.event || 'message', data: this.data.join('\n') });
        this.data = [];
        this.event = '';
      } else if (field === 'data') this.data.push(value);
      else if (field === 'event') this.event = value;
      else if (field === 'id' && !value.includes('\0')) this.id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) this.onRetry?.(Number(value));
    }
    return out;
  }
}
