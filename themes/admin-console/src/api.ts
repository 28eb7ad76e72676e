import { apiClient, apiRequest, type CreatedToken, type Token } from "@pt/shared";

export type NewAssignment = { userId: string; name: string; expiresInDays?: number; role?: string; allowedNetworks?: string[] };

/** A page of the owner list, and how many tokens match in all when the server says (X-Total-Count). */
export type TokenPage = { tokens: Token[]; total?: number };

/** The owner API of a realm (DESIGN.md §5), called with the admin console's own token. */
export function ownerApi(baseUrl: string, realm: string, accessToken: () => Promise<string | undefined>) {
  const root = `${baseUrl}/admin/realms/${encodeURIComponent(realm)}/personal-tokens`;
  const call = apiClient(root, accessToken);
  const request = apiRequest(root, accessToken);
  return {
    list: async (query: Record<string, string | number | undefined>): Promise<TokenPage> => {
      const params = new URLSearchParams();
      Object.entries(query).forEach(([k, v]) => v !== undefined && v !== "" && params.set(k, String(v)));
      const { body, headers } = await request<Token[]>(`?${params}`);
      // Sent only to admins who may view every user; others page without a total.
      const total = headers.get("X-Total-Count");
      return { tokens: body, total: total !== null && /^\d+$/.test(total) ? Number(total) : undefined };
    },
    assign: (body: NewAssignment) => call<CreatedToken>("", { method: "POST", body: JSON.stringify(body) }),
    rotate: (id: string, expiresInDays?: number) => call<CreatedToken>(`/${encodeURIComponent(id)}/rotate`, {
      method: "POST",
      body: JSON.stringify(expiresInDays === undefined ? {} : { expiresInDays }),
    }),
    revoke: (id: string) => call<void>(`/${encodeURIComponent(id)}`, { method: "DELETE" }),
    revokeAll: (userId: string) => call<void>(`?userId=${encodeURIComponent(userId)}`, { method: "DELETE" }),
    policy: () => call<Policy>("/policy"),
    savePolicy: (policy: string) => call<void>("/policy", { method: "PUT", body: policy }),
  };
}

export type OwnerApi = ReturnType<typeof ownerApi>;

/** A role entry of the policy (DESIGN.md §5, §10.6). */
export type PolicyRole = { role: string; scopes: string[]; maxExpiresInDays?: number; requireAllowedNetworks?: boolean };

/** The realm's policy as the owner API reads and writes it (DESIGN.md §10.6). */
export type Policy = {
  roles: PolicyRole[];
  defaultExpiresInDays: number;
  maxExpiresInDays: number;
  allowNonExpiring: boolean;
  maxTokensPerUser: number;
  tokenPrefix: string;
  maxAuthAgeSeconds: number;
  expiryNoticeDays: number[];
  revokeAfterDaysUnused: number;
};
