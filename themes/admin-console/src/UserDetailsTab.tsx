import { useAdminClient } from "@keycloak/keycloak-admin-ui";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation";
import { Alert, PageSection, Spinner, TabTitleText, type TabProps } from "@patternfly/react-core";
import { useEffect, useState, type ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { TokensTab } from "./TokensTab";
import { useOwnerApi } from "./useOwnerApi";

const TAB = "personal-tokens";

type TabLocation = (tab: string) => { pathname: string };

/**
 * The "Personal API tokens" tab of a user's details page. The build patches the stock EditUser to
 * append what this returns to its tab list (see user-details-tab-plugin.ts), so it is called while
 * EditUser renders: it must not use hooks itself, only return an element. `Tab` is the console's
 * own bundled PatternFly Tab; ours would not see the state of the console's Tabs.
 */
export function userDetailsTab(tabLocation: TabLocation, Tab: ComponentType<TabProps>) {
  const { pathname } = tabLocation(TAB);
  return (
    <Tab key={TAB} eventKey={pathname} href={`#${pathname}`} data-testid="user-personal-tokens-tab"
      title={<TabTitleText><Title /></TabTitleText>}>
      <UserTokens />
    </Tab>
  );
}

const Title = () => {
  const { t } = useTranslation();
  return <>{t("personalTokens")}</>;
};

/** That user's tokens; write actions follow the console's own per-user "manage" verdict. */
const UserTokens = () => {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { adminClient } = useAdminClient();
  const api = useOwnerApi();
  const [user, setUser] = useState<UserRepresentation>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    adminClient.users.findOne({ id: id! })
      .then((found) => found ? setUser(found) : setError(t("pt_userNotFound")))
      .catch((e) => setError((e as Error).message));
  }, [adminClient, id, t]);

  if (error) {
    return <PageSection><Alert variant="danger" isInline title={error} data-testid="tokens-error" /></PageSection>;
  }
  if (!user) {
    return <PageSection><Spinner size="lg" /></PageSection>;
  }
  return <TokensTab api={api} canManage={user.access?.manage === true} user={user} />;
};
