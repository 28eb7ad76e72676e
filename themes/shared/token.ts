/** A personal token as both APIs list it (DESIGN.md §4); never carries the secret. */
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
  // DESIGN.md §10.1 fields: optional until every server the consoles talk to sends them.
  lastUsedIp?: string | null;
  allowedNetworks?: string[];
  rotatedAt?: string | null;
  idleExpiresAt?: string | null;
};

/** The answer to a create or assign: the one time the secret is sent. */
export type CreatedToken = Token & { token: string };

/** The server's limit on a token's name (DESIGN.md §4 input rules), mirrored so forms stop typing there. */
export const TOKEN_NAME_MAX_LENGTH = 100;
