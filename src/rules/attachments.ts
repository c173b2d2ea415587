/** MMS attachments: allowed types and size limits, shared by the composer and the server's upload route. */

export const ATTACHMENT_LIMITS = {
  count: 10,
  /** Total of a message whose attachments are all images. */
  imageBytes: 5_000_000,
  /** Total of a message with any attachment that is not an image (Twilio's limit for other files). */
  otherBytes: 600_000,
} as const;

/** Whole families allowed, then single types. `image/svg+xml` is refused: it can carry script. */
export const ALLOWED_TYPE_FAMILIES = ['image', 'video', 'audio'] as const;
export const ALLOWED_TYPES = [
  'application/pdf',
  'text/vcard',
  'text/x-vcard',
  'text/calendar',
  'text/plain',
  'text/csv',
] as const;

/** The bare media type: lower case, parameters (`; charset=utf-8`) dropped. */
export const mediaType = (type: string): string => type.split(';')[0]!.trim().toLowerCase();

export function attachmentTypeAllowed(type: string): boolean {
  const bare = mediaType(type);
  if (bare === 'image/svg+xml') return false;
  if ((ALLOWED_TYPES as readonly string[]).includes(bare)) return true;
  const [family, subtype] = bare.split('/');
  return (ALLOWED_TYPE_FAMILIES as readonly string[]).includes(family!) && /^[\w.+-]+$/.test(subtype ?? '');
}

export const isImageType = (type: string): boolean => attachmentTypeAllowed(type) && mediaType(type).startsWith('image/');

/** The byte limit for the total of attachments of these types: 5 MB when all are images, 600 KB otherwise. */
export const attachmentsByteLimit = (types: readonly string[]): number =>
  types.every(isImageType) ? ATTACHMENT_LIMITS.imageBytes : ATTACHMENT_LIMITS.otherBytes;

/** Bytes as people read them (`600 KB`, `5.01 MB`), rounded up so a total over a limit never reads as equal. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.ceil(bytes / 10_000) / 100} MB`;
  if (bytes >= 1_000) return `${Math.ceil(bytes / 100) / 10} KB`;
  return `${bytes} B`;
}
