/**
 * A failed call. `status` is the HTTP status, 401 when no access token could be had, and 0 when
 * the server was not reached at all; `message` is the server's description where it sent one.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly error?: string,
    /** RFC 9470 `max_age` of a step-up challenge: how recent a sign-in the server wants, in seconds. */
    readonly maxAge?: number,
  ) {
    super(message);
  }

  /** The server wants a fresher sign-in before it does this (DESIGN.md §9.4, RFC 9470). */
  get needsFreshSignIn(): boolean {
    return this.status === 401 && this.error === INSUFFICIENT_USER_AUTHENTICATION;
  }
}

const INSUFFICIENT_USER_AUTHENTICATION = "insufficient_user_authentication";

/** Gives a fresh access token for each call, or throws when the session is over. */
export type AccessToken = () => Promise<string | undefined>;

export type ApiCall = <T>(path: string, init?: RequestInit) => Promise<T>;

/** A successful answer with its headers, for the few calls that read one (the owner list's X-Total-Count). */
export type ApiAnswer<T> = { body: T; headers: Headers };

export type ApiRequest = <T>(path: string, init?: RequestInit) => Promise<ApiAnswer<T>>;

/** Calls the JSON API under `root` with the console's own token, turning every failure into an ApiError. */
export function apiClient(root: string, accessToken: AccessToken): ApiCall {
  const request = apiRequest(root, accessToken);
  return async <T>(path: string, init?: RequestInit): Promise<T> => (await request<T>(path, init)).body;
}

/** As apiClient, but the answer keeps its headers. */
export function apiRequest(root: string, accessToken: AccessToken): ApiRequest {
  return async <T>(path: string, init: RequestInit = {}): Promise<ApiAnswer<T>> => {
    let token: string | undefined;
    try {
      token = await accessToken();
    } catch (e) {
      throw e instanceof ApiError ? e : new ApiError(401, "session expired");
    }
    let response: Response;
    try {
      response = await fetch(root + path, {
        ...init,
        // The API answers no-store; this keeps the browser from offering a stale list meanwhile.
        cache: "no-store",
        headers: {
          ...init.headers,
          Authorization: `Bearer ${token}`,
          Accept: "application/json",
          ...(init.body ? { "Content-Type": "application/json" } : {}),
        },
      });
    } catch (e) {
      throw new ApiError(0, String(e));
    }
    if (!response.ok) {
      throw await errorOf(response);
    }
    // 204, and any other success without a body (a 201 always has one: the created token).
    const text = await response.text();
    try {
      return { body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
    } catch {
      throw new ApiError(response.status, `not JSON: ${text.slice(0, 80)}`);
    }
  };
}

/** The OAuth-style body {error, error_description}; Keycloak's own admin errors say errorMessage. */
async function errorOf(response: Response): Promise<ApiError> {
  const maxAge = challengeMaxAge(response.headers.get("WWW-Authenticate"));
  try {
    const body = await response.json();
    return new ApiError(response.status, body.error_description ?? body.errorMessage ?? body.error ?? response.statusText, body.error, maxAge);
  } catch {
    return new ApiError(response.status, response.statusText, undefined, maxAge);
  }
}

/** The `max_age` parameter of a Bearer challenge (RFC 9470 §3), quoted or not. */
export function challengeMaxAge(challenge: string | null): number | undefined {
  const match = challenge?.match(/(?:^|[\s,])max_age="?(\d+)"?/);
  return match ? Number(match[1]) : undefined;
}
