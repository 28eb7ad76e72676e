// What the two consoles share. Nothing here may import either host console package
// (@keycloak/keycloak-account-ui, @keycloak/keycloak-admin-ui): each console passes in what it
// needs from its host, so one copy serves both.
export { apiClient, apiRequest, ApiError, challengeMaxAge, type AccessToken, type ApiAnswer, type ApiCall, type ApiRequest } from "./api-client";
export { ConfirmRevokeModal } from "./ConfirmRevokeModal";
export { formatDateTime, type DateStyle } from "./dates";
export { parseDays } from "./days";
export { initI18n, type MessagesSource } from "./i18n";
export { MAX_ALLOWED_NETWORKS, parseNetworks } from "./networks";
export { NetworksField } from "./NetworksField";
export { RotateTokenModal } from "./RotateTokenModal";
export { ShowOnceSecretModal } from "./ShowOnceSecretModal";
export { useTokenColumns, type TokenColumn, type TokenColumnOptions } from "./TokenCells";
export { TOKEN_NAME_MAX_LENGTH, type CreatedToken, type Token } from "./token";
