/** A personal token as both APIs list it (DESIGN.md §4, §10.1); never carries the secret. */
export type Token = {
  id: string;
  name: string;
  role: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  /** The address of the last recorded use. */
  lastUsedIp: string | null;
  /** Where the token may be used from; empty means anywhere. */
  allowedNetworks: string[];
  rotatedAt: string | null;
  /** When the token dies if nobody uses it from now on (offline session idle, inactivity revoke, expiry). */
  idleExpiresAt: string | null;
  assignedBy: string | null;
  hint: string;
  userId: string;
  username: string;
};

/** The answer to a create, assign or rotate: the one time the secret is sent. */
export type CreatedToken = Token & { token: string };

/** The server's limit on a token's name (DESIGN.md §4 input rules), mirrored so forms stop typing there. */
export const TOKEN_NAME_MAX_LENGTH = 100;
