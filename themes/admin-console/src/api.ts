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
  token?: string;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the owner API of the realm with the admin console's own token. */
export function ownerApi(baseUrl: string, realm: string, accessToken: () => Promise<string | undefined>) {
  const root = `${baseUrl}/admin/realms/${encodeURIComponent(realm)}/personal-tokens`;
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(root + path, {
      ...init,
      headers: {
        ...init.headers,
        Authorization: `Bearer ${await accessToken()}`,
        Accept: "application/json",
        ...(init.body ? { "Content-Type": "application/json" } : {}),
      },
    });
    if (!response.ok) {
      let description = response.statusText;
      try {
        const body = await response.json();
        description = body.error_description ?? body.errorMessage ?? body.error ?? description;
      } catch {
        // keep the status text
      }
      throw new ApiError(response.status, description);
    }
    return (response.status === 204 || response.status === 201 && init.method !== "POST" ? undefined : await response.json()) as T;
  };
  return {
    list: (query: Record<string, string | number | undefined>) => {
      const params = new URLSearchParams();
      Object.entries(query).forEach(([k, v]) => v !== undefined && v !== "" && params.set(k, String(v)));
      return call<Token[]>(`?${params}`);
    },
    assign: (body: { userId: string; name: string; expiresInDays?: number; role?: string }) =>
      call<Token>("", { method: "POST", body: JSON.stringify(body) }),
    revoke: (id: string) => call<void>(`/${encodeURIComponent(id)}`, { method: "DELETE" }),
    revokeAll: (userId: string) => call<void>(`?userId=${encodeURIComponent(userId)}`, { method: "DELETE" }),
    policy: () => call<Record<string, unknown>>("/policy"),
    savePolicy: (policy: string) => call<void>("/policy", { method: "PUT", body: policy }),
  };
}

export type OwnerApi = ReturnType<typeof ownerApi>;
