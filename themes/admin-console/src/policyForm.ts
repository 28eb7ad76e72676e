/**
 * The policy tab edits one JSON document (DESIGN.md §10.6) two ways: a form for the fields and the
 * raw JSON for everything (role order, new roles). The text is the one source of truth; the form
 * reads it and writes each change back into it. Pure, so that it is tested without a browser.
 */
export type PolicyDoc = Record<string, unknown> & { roles?: unknown };

/** The document, or undefined while the text is not a JSON object (the form then waits for the JSON to be fixed). */
export function parsePolicy(text: string): PolicyDoc | undefined {
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export const writePolicy = (doc: PolicyDoc) => JSON.stringify(doc, null, 2);

/**
 * A number field's text as the JSON value to send: a number when it reads as one, null when empty
 * (the server then applies the default), else the text itself, which the server refuses by name.
 */
export function numberValue(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

/** The text a number field shows for a JSON value. */
export const fieldText = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/** The expiry notice days typed as "7, 1": an empty field is an empty list, which switches notices off. */
export function noticeDaysValue(text: string): (number | string)[] {
  return text.split(/[\s,]+/).filter((d) => d !== "").map((d) => {
    const n = Number(d);
    return Number.isFinite(n) ? n : d;
  });
}

export const noticeDaysText = (value: unknown) => (Array.isArray(value) ? value.join(", ") : fieldText(value));

/** Is this JSON value what a whole-number field wants? Says so before the server does. */
export const isWholeNumber = (value: unknown) => value === null || value === undefined || (typeof value === "number" && Number.isInteger(value) && value >= 0);

/** The server's 400 message, `a; b; c`, sorted by the field each part names (PolicyValidator's wording). */
export type PolicyErrors = { fields: Record<string, string[]>; roles: Record<string, string[]>; other: string[] };

export function policyErrors(message: string, fields: readonly string[]): PolicyErrors {
  const errors: PolicyErrors = { fields: {}, roles: {}, other: [] };
  const add = (map: Record<string, string[]>, key: string, part: string) => (map[key] ??= []).push(part);
  for (const part of message.split("; ").map((p) => p.trim()).filter(Boolean)) {
    const role = part.match(/^role '([^']*)'/);
    const field = part.match(/^(\w+)\b/);
    if (role) {
      add(errors.roles, role[1], part);
    } else if (field && fields.includes(field[1])) {
      add(errors.fields, field[1], part);
    } else {
      errors.other.push(part);
    }
  }
  return errors;
}

/**
 * Whether tokens die unused before they expire (DESIGN.md §10.4): the realm's offline session
 * idle, in seconds, is shorter than the longest lifetime the policy allows (or a token may never
 * expire). Undefined idle (the console cannot read the realm) warns of nothing.
 */
export function diesUnusedBeforeExpiry(idleSeconds: number | undefined, maxExpiresInDays: unknown, allowNonExpiring: unknown): boolean {
  if (!idleSeconds || idleSeconds <= 0) return false;
  if (allowNonExpiring === true) return true;
  return typeof maxExpiresInDays === "number" && maxExpiresInDays * 86400 > idleSeconds;
}
