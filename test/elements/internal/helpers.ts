/** Shared steps of the element suites: waiting, typing and attaching as a user would. */
export async function until(accept: () => boolean, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!accept()) {
    if (performance.now() - start > timeout) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function typeInto(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}

export function attach(input: HTMLInputElement, files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export const sized = (name: string, type: string, size: number) => new File([new Uint8Array(size)], name, { type });
