/** The server's limit on a token's allowed networks (DESIGN.md §10.2). */
export const MAX_ALLOWED_NETWORKS = 20;

/**
 * The allowed networks as typed into a form: one CIDR or address per line, or separated by commas
 * (or both), blanks dropped. Validation is the server's (its 400 names what is wrong), so that the
 * two never disagree about what an address is.
 */
export function parseNetworks(text: string): string[] {
  return text
    .split(/[\n\r,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}
