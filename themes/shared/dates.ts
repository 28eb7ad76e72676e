/** A timestamp of the API (ISO-8601 UTC) in the reader's time zone; unparsable input is shown as sent. */
export function formatDateTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
}
