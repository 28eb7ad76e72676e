import { useAccess, ViewHeader } from "@keycloak/keycloak-admin-ui";
import { PageSection, Tab, Tabs, TabTitleText } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PolicyTab } from "./PolicyTab";
import { TokensTab } from "./TokensTab";
import { useOwnerApi } from "./useOwnerApi";

export const PersonalTokensPage = () => {
  const { t } = useTranslation();
  const { hasAccess } = useAccess();
  const [tab, setTab] = useState<string | number>("tokens");
  const api = useOwnerApi();

  return (
    <>
      <ViewHeader titleKey="personalTokens" subKey={t("personalTokensAdminHelp")} />
      <PageSection variant="light" className="pf-v5-u-p-0">
        <Tabs activeKey={tab} onSelect={(_e, key) => setTab(key)} inset={{ default: "insetLg" }}>
          <Tab eventKey="tokens" data-testid="tab-tokens" title={<TabTitleText>{t("pt_tokensTab")}</TabTitleText>}>
            <TokensTab api={api} canManage={hasAccess("manage-users")} />
          </Tab>
          <Tab eventKey="policy" data-testid="tab-policy" title={<TabTitleText>{t("pt_policyTab")}</TabTitleText>}>
            {tab === "policy" && <PolicyTab api={api} canSave={hasAccess("manage-realm")} />}
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
};
