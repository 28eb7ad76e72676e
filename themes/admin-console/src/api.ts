import { apiClient, type CreatedToken, type Token } from "@pt/shared";

export type NewAssignment = { userId: string; name: string; expiresInDays?: number; role?: string };

/** The owner API of a realm (DESIGN.md §5), called with the admin console's own token. */
export function ownerApi(baseUrl: string, realm: string, accessToken: () => Promise<string | undefined>) {
  const call = apiClient(`${baseUrl}/admin/realms/${encodeURIComponent(realm)}/personal-tokens`, accessToken);
  return {
    list: (query: Record<string, string | number | undefined>) => {
      const params = new URLSearchParams();
      Object.entries(query).forEach(([k, v]) => v !== undefined && v !== "" && params.set(k, String(v)));
      return call<Token[]>(`?${params}`);
    },
    assign: (body: NewAssignment) => call<CreatedToken>("", { method: "POST", body: JSON.stringify(body) }),
    revoke: (id: string) => call<void>(`/${encodeURIComponent(id)}`, { method: "DELETE" }),
    revokeAll: (userId: string) => call<void>(`?userId=${encodeURIComponent(userId)}`, { method: "DELETE" }),
    policy: () => call<Record<string, unknown>>("/policy"),
    savePolicy: (policy: string) => call<void>("/policy", { method: "PUT", body: policy }),
  };
}

export type OwnerApi = ReturnType<typeof ownerApi>;
