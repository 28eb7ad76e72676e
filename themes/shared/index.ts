// What the two consoles share. Nothing here may import either host console package
// (@keycloak/keycloak-account-ui, @keycloak/keycloak-admin-ui): each console passes in what it
// needs from its host, so one copy serves both.
export { apiClient, ApiError, type AccessToken, type ApiCall } from "./api-client";
export { ConfirmRevokeModal } from "./ConfirmRevokeModal";
export { formatDateTime } from "./dates";
export { initI18n, type MessagesSource } from "./i18n";
export { ShowOnceSecretModal } from "./ShowOnceSecretModal";
export { TOKEN_NAME_MAX_LENGTH, type CreatedToken, type Token } from "./token";
