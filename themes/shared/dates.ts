/** How much of a timestamp to show: `date` alone is for tables that must fit a narrow window. */
export type DateStyle = "medium" | "short" | "date";

/** A timestamp of the API (ISO-8601 UTC) in the reader's time zone; unparsable input is shown as sent. */
export function formatDateTime(iso: string, locale?: string, style: DateStyle = "medium"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return style === "date"
    ? date.toLocaleDateString(locale, { dateStyle: "medium" })
    : date.toLocaleString(locale, { dateStyle: style, timeStyle: "short" });
}
