import { afterEach, describe, expect, it, vi } from "vitest";
import { apiClient, ApiError } from "./api-client";

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
});
