import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";
import type Keycloak from "keycloak-js";

export type Token = {
  id: string;
  name: string;
  role: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  assignedBy: string | null;
  hint: string;
  userId: string;
  username: string;
};

export type CreatedToken = Token & { token: string };

export type UserPolicy = {
  roles: string[];
  defaultExpiresInDays: number;
  maxExpiresInDays: number;
  allowNonExpiring: boolean;
  maxTokensPerUser: number;
};

export type NewToken = { name: string; expiresInDays?: number; role?: string };

/** An error answer of the API, carrying its status and OAuth-style description. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Context = { environment: AccountEnvironment; keycloak: Keycloak };

async function call<T>({ environment, keycloak }: Context, path: string, init: RequestInit = {}): Promise<T> {
  try {
    await keycloak.updateToken(30);
  } catch {
    throw new ApiError(401, "session expired");
  }
  const url = `${environment.serverBaseUrl}/realms/${encodeURIComponent(environment.realm)}/personal-tokens${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      cache: "no-store",
      headers: {
        ...init.headers,
        Authorization: `Bearer ${keycloak.token}`,
        Accept: "application/json",
        ...(init.body ? { "Content-Type": "application/json" } : {}),
      },
    });
  } catch (e) {
    throw new ApiError(0, String(e));
  }
  if (!response.ok) {
    let description = response.statusText;
    try {
      const body = await response.json();
      description = body.error_description ?? body.error ?? description;
    } catch {
      // not JSON: keep the status text
    }
    throw new ApiError(response.status, description);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const listTokens = (ctx: Context) => call<Token[]>(ctx, "");
export const getPolicy = (ctx: Context) => call<UserPolicy>(ctx, "/policy");
export const createToken = (ctx: Context, body: NewToken) =>
  call<CreatedToken>(ctx, "", { method: "POST", body: JSON.stringify(body) });
export const revokeToken = (ctx: Context, id: string) =>
  call<void>(ctx, `/${encodeURIComponent(id)}`, { method: "DELETE" });
