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

export type NewToken = { name: string; expiresInDays?: number; role?: string };

type Context = { environment: AccountEnvironment; keycloak: Keycloak };

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
export const revokeToken = (ctx: Context, id: string) =>
  userApi(ctx)<void>(`/${encodeURIComponent(id)}`, { method: "DELETE" });
