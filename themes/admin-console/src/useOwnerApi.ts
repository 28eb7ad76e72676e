import { useAdminClient, useRealm } from "@keycloak/keycloak-admin-ui";
import { useMemo } from "react";
import { ownerApi } from "./api";

/** The owner API of the realm shown in the console, called with the console's own token. */
export function useOwnerApi() {
  const { adminClient } = useAdminClient();
  const { realm } = useRealm();
  return useMemo(
    () => ownerApi(adminClient.baseUrl, realm, () => adminClient.getAccessToken()),
    [adminClient, realm],
  );
}
