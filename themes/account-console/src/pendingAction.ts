/**
 * What the console was doing when the server asked for a fresh sign-in (DESIGN.md §9.4), kept in
 * sessionStorage across the login redirect so that it can be retried on return. It holds the
 * request only, never a secret: the new secret comes from the retry and is shown, not stored.
 *
 * Pure (storage and clock passed in), so that it can be tested without a browser.
 */
export type PendingAction =
  | { kind: "create"; body: { name: string; expiresInDays?: number; role?: string; allowedNetworks?: string[] } }
  | { kind: "rotate"; tokenId: string; tokenName: string; expiresInDays?: number };

/** Whose action it is, and how many sign-ins it has already cost. */
export type PendingContext = { realm: string; userId: string };

type Stored = PendingContext & { action: PendingAction; savedAt: number; signIns: number };

export const PENDING_KEY = "personal-tokens.pending-action";

/** A sign-in abandoned for longer than this leaves nothing to retry. */
export const PENDING_TTL_MS = 10 * 60 * 1000;

export function savePending(storage: Storage, who: PendingContext, action: PendingAction, signIns: number, now: number) {
  const stored: Stored = { ...who, action, savedAt: now, signIns };
  storage.setItem(PENDING_KEY, JSON.stringify(stored));
}

/**
 * The action to retry, removed from storage whatever it holds: only one made by this user in
 * this realm within the last minutes, so that nobody else who signs in on this tab runs it.
 */
export function takePending(storage: Storage, who: PendingContext, now: number): { action: PendingAction; signIns: number } | undefined {
  const text = storage.getItem(PENDING_KEY);
  storage.removeItem(PENDING_KEY);
  if (!text) return undefined;
  let stored: Stored;
  try {
    stored = JSON.parse(text);
  } catch {
    return undefined;
  }
  const fresh = typeof stored.savedAt === "number" && now - stored.savedAt >= 0 && now - stored.savedAt <= PENDING_TTL_MS;
  if (!fresh || stored.realm !== who.realm || stored.userId !== who.userId || !isAction(stored.action)) {
    return undefined;
  }
  return { action: stored.action, signIns: Number(stored.signIns) || 0 };
}

function isAction(action: unknown): action is PendingAction {
  const a = action as PendingAction | undefined;
  return (a?.kind === "create" && typeof a.body?.name === "string")
    || (a?.kind === "rotate" && typeof a.tokenId === "string" && typeof a.tokenName === "string");
}
