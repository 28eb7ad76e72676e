import { Page, useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Alert,
  AlertActionCloseButton,
  AlertGroup,
  Button,
  CodeBlock,
  CodeBlockCode,
  EmptyState,
  EmptyStateBody,
  EmptyStateHeader,
  EmptyStateIcon,
  Label,
  LabelGroup,
  Modal,
  ModalVariant,
  Spinner,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { KeyIcon } from "@patternfly/react-icons";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, getPolicy, listTokens, revokeToken, type Token, type UserPolicy } from "./api";
import { GenerateTokenDialog } from "./GenerateTokenDialog";

const WEEK = 7 * 24 * 3600 * 1000;

export const PersonalTokens = () => {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const [tokens, setTokens] = useState<Token[]>();
  const [policy, setPolicy] = useState<UserPolicy>();
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const [generating, setGenerating] = useState(false);
  const [revoking, setRevoking] = useState<Token>();

  const refresh = useCallback(async () => {
    try {
      const [list, userPolicy] = await Promise.all([listTokens(context), getPolicy(context)]);
      setTokens(list);
      setPolicy(userPolicy);
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    }
  }, [context]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const revoke = async (token: Token) => {
    setRevoking(undefined);
    try {
      await revokeToken(context, token.id);
      setNotice(t("revokedToken", { name: token.name }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    }
    await refresh();
  };

  const exchangeUrl = `${context.environment.serverBaseUrl}/realms/${context.environment.realm}/personal-tokens/access-token`;

  return (
    <Page title={t("personalTokens")} description={t("personalTokensDescription")}>
      <AlertGroup isToast isLiveRegion>
        {notice && (
          <Alert variant="success" title={notice} timeout={5000} onTimeout={() => setNotice(undefined)}
            actionClose={<AlertActionCloseButton onClose={() => setNotice(undefined)} />} />
        )}
      </AlertGroup>
      {error?.status === 401 && (
        <Alert variant="warning" isInline title={t("tokenSessionExpired")} data-testid="session-expired"
          actionLinks={<Button variant="link" isInline onClick={() => context.keycloak.login()}>{t("tokenSignIn")}</Button>} />
      )}
      {error && error.status !== 401 && (
        <Alert variant="danger" isInline title={t("tokenLoadError", { error: error.message })} data-testid="load-error" />
      )}
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <Button data-testid="generate-token" onClick={() => setGenerating(true)} isDisabled={!policy || policy.roles.length === 0}>
              {t("generateToken")}
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {!tokens && !error && <Spinner aria-label={t("personalTokens")} />}
      {tokens?.length === 0 && (
        <EmptyState data-testid="empty-state">
          <EmptyStateHeader titleText={t("noTokensTitle")} headingLevel="h2" icon={<EmptyStateIcon icon={KeyIcon} />} />
          <EmptyStateBody>
            <p>{t("noTokensBody")}</p>
            <CodeBlock>
              <CodeBlockCode>{`curl -X POST -H "X-Refresh-Token: <your token>" \\\n  ${exchangeUrl}`}</CodeBlockCode>
            </CodeBlock>
          </EmptyStateBody>
        </EmptyState>
      )}
      {tokens && tokens.length > 0 && (
        <Table aria-label={t("personalTokens")} variant="compact" data-testid="tokens-table">
          <Thead>
            <Tr>
              <Th>{t("tokenName")}</Th>
              <Th>{t("tokenRole")}</Th>
              <Th>{t("tokenScopes")}</Th>
              <Th>{t("tokenCreated")}</Th>
              <Th>{t("tokenExpires")}</Th>
              <Th>{t("tokenLastUsed")}</Th>
              <Th>{t("tokenHint")}</Th>
              <Th screenReaderText={t("tokenActions")} />
            </Tr>
          </Thead>
          <Tbody>
            {tokens.map((token) => (
              <Tr key={token.id} data-testid="token-row" data-token-name={token.name}>
                <Td dataLabel={t("tokenName")}>
                  <strong>{token.name}</strong>
                  {token.assignedBy && (
                    <div className="pf-v5-u-font-size-sm pf-v5-u-color-200" data-testid="assigned-by">
                      {t("tokenAssignedBy", { owner: token.assignedBy })}
                    </div>
                  )}
                </Td>
                <Td dataLabel={t("tokenRole")}>{token.role}</Td>
                <Td dataLabel={t("tokenScopes")}>
                  <LabelGroup>{token.scopes.map((s) => <Label key={s} isCompact>{s}</Label>)}</LabelGroup>
                </Td>
                <Td dataLabel={t("tokenCreated")}>{formatDate(token.createdAt)}</Td>
                <Td dataLabel={t("tokenExpires")}>
                  {token.expiresAt ? formatDate(token.expiresAt) : t("tokenNeverExpires")}{" "}
                  {token.expiresAt && new Date(token.expiresAt).getTime() - Date.now() < WEEK && (
                    <Label color="orange" isCompact data-testid="expires-soon">{t("tokenExpiresSoon")}</Label>
                  )}
                </Td>
                <Td dataLabel={t("tokenLastUsed")}>{token.lastUsedAt ? formatDate(token.lastUsedAt) : t("tokenNeverUsed")}</Td>
                <Td dataLabel={t("tokenHint")}><code>{token.hint}</code></Td>
                <Td isActionCell>
                  <Button variant="secondary" isDanger data-testid="revoke-token" aria-label={`${t("revokeToken")} ${token.name}`}
                    onClick={() => setRevoking(token)}>
                    {t("revokeToken")}
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {generating && policy && (
        <GenerateTokenDialog policy={policy} onClose={() => { setGenerating(false); void refresh(); }} />
      )}
      {revoking && (
        <Modal variant={ModalVariant.small} isOpen title={t("revokeTokenTitle", { name: revoking.name })} titleIconVariant="warning"
          onClose={() => setRevoking(undefined)} data-testid="revoke-dialog"
          actions={[
            <Button key="confirm" variant="danger" data-testid="confirm-revoke" onClick={() => revoke(revoking)}>{t("revokeToken")}</Button>,
            <Button key="cancel" variant="link" onClick={() => setRevoking(undefined)}>{t("tokenCancel")}</Button>,
          ]}>
          {t("revokeTokenBody")}
        </Modal>
      )}
    </Page>
  );
};

function formatDate(iso: string) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
