import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { apiClient, type CreatedToken, type Token } from "@pt/shared";
import type Keycloak from "keycloak-js";

export type UserPolicy = {
  roles: string[];
  defaultExpiresInDays: number;
  maxExpiresInDays: number;
  allowNonExpiring: boolean;
  maxTokensPerUser: number;
};

export type NewToken = { name: string; expiresInDays?: number; role?: string; allowedNetworks?: string[] };

export type Context = { environment: AccountEnvironment; keycloak: Keycloak };

/** The user API of the console's realm (DESIGN.md §4), called with the console's own token. */
const userApi = ({ environment, keycloak }: Context) =>
  apiClient(`${environment.serverBaseUrl}/realms/${encodeURIComponent(environment.realm)}/personal-tokens`, async () => {
    await keycloak.updateToken(30);
    return keycloak.token;
  });

export const listTokens = (ctx: Context) => userApi(ctx)<Token[]>("");
export const getPolicy = (ctx: Context) => userApi(ctx)<UserPolicy>("/policy");
export const createToken = (ctx: Context, body: NewToken) =>
  userApi(ctx)<CreatedToken>("", { method: "POST", body: JSON.stringify(body) });
/** DESIGN.md §9.3: a new secret for the same token; without `expiresInDays` it keeps the lifetime it had. */
export const rotateToken = (ctx: Context, id: string, expiresInDays?: number) =>
  userApi(ctx)<CreatedToken>(`/${encodeURIComponent(id)}/rotate`, {
    method: "POST",
    body: JSON.stringify(expiresInDays === undefined ? {} : { expiresInDays }),
  });
export const revokeToken = (ctx: Context, id: string) =>
  userApi(ctx)<void>(`/${encodeURIComponent(id)}`, { method: "DELETE" });
