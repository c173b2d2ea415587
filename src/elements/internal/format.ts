/** Date formatters by locale and options, shared by every element on the page: the first one a page creates is costly. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `date` (an ISO 8601 string or a Date) in `locale`, as `options` ask. */
export function formatDate(locale: string, date: string | Date, options: Intl.DateTimeFormatOptions): string {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format.format(new Date(date));
}
