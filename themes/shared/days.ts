/**
 * A number of days typed into a form: `undefined` when left empty (the server's default applies),
 * NaN when it is not a whole number, so the form can say so before asking the server.
 */
export function parseDays(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
}
