/** The ways the elements write a date: a time of day, a day, or both. */
const STYLES = {
  time: { timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** Date formatters by locale and style, shared by every element on the page: the first one a page creates is costly. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `date` (an ISO 8601 string or a Date) in `locale`, in one of the elements' styles. */
export function formatDate(locale: string, date: string | Date, style: keyof typeof STYLES): string {
  const key = `${locale} ${style}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, STYLES[style])));
  return format.format(new Date(date));
}
