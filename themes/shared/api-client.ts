/**
 * A failed call. `status` is the HTTP status, 401 when no access token could be had, and 0 when
 * the server was not reached at all; `message` is the server's description where it sent one.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly error?: string,
  ) {
    super(message);
  }
}

/** Gives a fresh access token for each call, or throws when the session is over. */
export type AccessToken = () => Promise<string | undefined>;

export type ApiCall = <T>(path: string, init?: RequestInit) => Promise<T>;

/** Calls the JSON API under `root` with the console's own token, turning every failure into an ApiError. */
export function apiClient(root: string, accessToken: AccessToken): ApiCall {
  return async <T>(path: string, init: RequestInit = {}): Promise<T> => {
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
      return (text ? JSON.parse(text) : undefined) as T;
    } catch {
      throw new ApiError(response.status, `not JSON: ${text.slice(0, 80)}`);
    }
  };
}

/** The OAuth-style body {error, error_description}; Keycloak's own admin errors say errorMessage. */
async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = await response.json();
    return new ApiError(response.status, body.error_description ?? body.errorMessage ?? body.error ?? response.statusText, body.error);
  } catch {
    return new ApiError(response.status, response.statusText);
  }
}
