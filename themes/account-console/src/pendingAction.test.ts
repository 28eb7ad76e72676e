import { beforeEach, describe, expect, it } from "vitest";
import { PENDING_KEY, PENDING_TTL_MS, savePending, takePending, type PendingAction } from "./pendingAction";

/** sessionStorage as the browser has it, in memory. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(key: string) { return this.items.get(key) ?? null; }
  key(index: number) { return [...this.items.keys()][index] ?? null; }
  removeItem(key: string) { this.items.delete(key); }
  setItem(key: string, value: string) { this.items.set(key, value); }
}

const ALICE = { realm: "acme", userId: "alice-id" };
const CREATE: PendingAction = { kind: "create", body: { name: "ci", expiresInDays: 30, allowedNetworks: ["10.0.0.0/8"] } };
const NOW = 1_700_000_000_000;

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
});

describe("the action kept across the step-up sign-in", () => {
  it("comes back once, with the sign-ins it cost", () => {
    savePending(storage, ALICE, CREATE, 1, NOW);
    expect(takePending(storage, ALICE, NOW + 5000)).toEqual({ action: CREATE, signIns: 1 });
    expect(takePending(storage, ALICE, NOW + 6000)).toBeUndefined();
  });

  it("keeps a rotation's token and lifetime", () => {
    const rotate: PendingAction = { kind: "rotate", tokenId: "t1", tokenName: "ci", expiresInDays: 7 };
    savePending(storage, ALICE, rotate, 1, NOW);
    expect(takePending(storage, ALICE, NOW)?.action).toEqual(rotate);
  });

  it("is never run for another user or realm, and is dropped all the same", () => {
    savePending(storage, ALICE, CREATE, 1, NOW);
    expect(takePending(storage, { realm: "acme", userId: "mallory-id" }, NOW)).toBeUndefined();
    expect(storage.getItem(PENDING_KEY)).toBeNull();
    savePending(storage, ALICE, CREATE, 1, NOW);
    expect(takePending(storage, { realm: "other", userId: "alice-id" }, NOW)).toBeUndefined();
  });

  it("expires when the sign-in was abandoned", () => {
    savePending(storage, ALICE, CREATE, 1, NOW);
    expect(takePending(storage, ALICE, NOW + PENDING_TTL_MS + 1)).toBeUndefined();
  });

  it("ignores what it cannot read", () => {
    storage.setItem(PENDING_KEY, "{not json");
    expect(takePending(storage, ALICE, NOW)).toBeUndefined();
    storage.setItem(PENDING_KEY, JSON.stringify({ ...ALICE, savedAt: NOW, signIns: 1, action: { kind: "delete-everything" } }));
    expect(takePending(storage, ALICE, NOW)).toBeUndefined();
  });

  it("never holds a secret", () => {
    savePending(storage, ALICE, CREATE, 1, NOW);
    expect(storage.getItem(PENDING_KEY)).not.toMatch(/kcpat_|"token"/);
  });
});
