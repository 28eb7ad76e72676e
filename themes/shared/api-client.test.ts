import { afterEach, describe, expect, it, vi } from "vitest";
import { apiClient, ApiError, apiRequest, challengeMaxAge } from "./api-client";

const ROOT = "https://kc.example/admin/realms/acme/personal-tokens";
const call = apiClient(ROOT, async () => "bearer-1");

function answer(status: number, body?: unknown) {
  const fetch = vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the API client both consoles use", () => {
  it("sends the console's token and JSON, and returns the parsed answer", async () => {
    const fetch = answer(200, [{ id: "t1" }]);
    expect(await call("?max=21")).toEqual([{ id: "t1" }]);
    expect(fetch).toHaveBeenCalledWith(`${ROOT}?max=21`, expect.objectContaining({
      headers: expect.objectContaining({ Authorization: "Bearer bearer-1", Accept: "application/json" }),
    }));
  });

  it("returns the created token of a 201", async () => {
    answer(201, { id: "t1", token: "kcpat_secret" });
    expect(await call("", { method: "POST", body: "{}" })).toEqual({ id: "t1", token: "kcpat_secret" });
  });

  it("returns nothing for a 204", async () => {
    answer(204);
    expect(await call("/t1", { method: "DELETE" })).toBeUndefined();
  });

  it("carries the OAuth-style error body", async () => {
    answer(409, { error: "conflict", error_description: "a token named \"ci\" already exists" });
    const error = await failure(call(""));
    expect([error.status, error.error, error.message]).toEqual([409, "conflict", "a token named \"ci\" already exists"]);
  });

  it("keeps the status when the error body is not JSON", async () => {
    vi.stubGlobal("fetch", async () => new Response("<html>", { status: 502, statusText: "Bad Gateway" }));
    const error = await failure(call(""));
    expect([error.status, error.message]).toEqual([502, "Bad Gateway"]);
  });

  it("turns an unreachable server into status 0", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    expect((await failure(call(""))).status).toBe(0);
  });

  it("turns a session that cannot give a token into 401, without calling the server", async () => {
    const fetch = answer(200, []);
    const signedOut = apiClient(ROOT, async () => {
      throw new Error("refresh token expired");
    });
    expect((await failure(signedOut(""))).status).toBe(401);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("keeps the headers for the calls that read one", async () => {
    vi.stubGlobal("fetch", async () => new Response("[]", { status: 200, headers: { "X-Total-Count": "57" } }));
    const answer = await apiRequest(ROOT, async () => "bearer-1")<unknown[]>("?max=21");
    expect([answer.body, answer.headers.get("X-Total-Count")]).toEqual([[], "57"]);
  });

  it("reads an RFC 9470 step-up challenge", async () => {
    const challenge = 'Bearer error="insufficient_user_authentication", error_description="a sign-in within the last 60 seconds is required", max_age="60"';
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ error: "insufficient_user_authentication", error_description: "sign in again" }),
      { status: 401, headers: { "WWW-Authenticate": challenge } }));
    const error = await failure(call("", { method: "POST", body: "{}" }));
    expect([error.needsFreshSignIn, error.maxAge, error.message]).toEqual([true, 60, "sign in again"]);
  });

  it("does not take another 401 for a step-up challenge", async () => {
    answer(401, { error: "invalid_token", error_description: "expired" });
    const error = await failure(call(""));
    expect([error.needsFreshSignIn, error.maxAge]).toEqual([false, undefined]);
  });
});

describe("the max_age of a challenge", () => {
  it.each([
    ['Bearer error="insufficient_user_authentication", max_age="1800"', 1800],
    ["Bearer error=insufficient_user_authentication,max_age=5", 5],
    ['Bearer error="insufficient_user_authentication", error_description="x"', undefined],
    ['Bearer foo_max_age="3"', undefined],
    [null, undefined],
  ])("%s gives %s", (challenge, maxAge) => {
    expect(challengeMaxAge(challenge)).toBe(maxAge);
  });
});
