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
  Spinner,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { KeyIcon } from "@patternfly/react-icons";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, ConfirmRevokeModal, formatDateTime, type Token } from "@pt/shared";
import { getPolicy, listTokens, revokeToken, type UserPolicy } from "./api";
import { describeError } from "./describeError";
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
  const [revokeError, setRevokeError] = useState<string>();
  const locale = context.environment.locale || undefined;
  const formatDate = (iso: string) => formatDateTime(iso, locale);

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
    setRevokeError(undefined);
    try {
      await revokeToken(context, token.id);
      setNotice(t("revokedToken", { name: token.name }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        // Already gone (revoked elsewhere, or expired): the refresh below drops it from the list.
        setNotice(t("revokedToken", { name: token.name }));
      } else if (e instanceof ApiError && e.status === 401) {
        setError(e);
      } else {
        setRevokeError(t("tokenRevokeError", { name: token.name, error: describeError(e, t) }));
      }
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
          actionLinks={<Button variant="link" isInline data-testid="sign-in-again" onClick={() => context.keycloak.login()}>{t("tokenSignIn")}</Button>} />
      )}
      {error && error.status !== 401 && (
        <Alert variant="danger" isInline title={t("tokenLoadError", { error: describeError(error, t) })} data-testid="load-error" />
      )}
      {revokeError && (
        <Alert variant="danger" isInline title={revokeError} data-testid="revoke-error"
          actionClose={<AlertActionCloseButton onClose={() => setRevokeError(undefined)} />} />
      )}
      {policy && policy.roles.length === 0 && (
        <Alert variant="info" isInline title={t("tokenNoRoles")} data-testid="no-roles" />
      )}
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <Button id="personal-token-generate" data-testid="generate-token" onClick={() => setGenerating(true)} isDisabled={!policy || policy.roles.length === 0}>
              {t("generateToken")}
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {!tokens && !error && <Spinner aria-label={t("personalTokens")} />}
      {tokens?.length === 0 && (
        <EmptyState id="personal-tokens-empty" data-testid="empty-state">
          <EmptyStateHeader titleText={t("noTokensTitle")} headingLevel="h2" icon={<EmptyStateIcon icon={KeyIcon} />} />
          <EmptyStateBody>
            <p>{t("noTokensBody")}</p>
            <CodeBlock className="pf-v5-u-text-align-left pf-v5-u-mt-md" data-testid="exchange-example">
              <CodeBlockCode>{`curl -X POST -H "X-Refresh-Token: <token>" \\\n  ${exchangeUrl}`}</CodeBlockCode>
            </CodeBlock>
          </EmptyStateBody>
        </EmptyState>
      )}
      {tokens && tokens.length > 0 && (
        <Table aria-label={t("personalTokens")} variant="compact" data-testid="tokens-table">
          <Thead>
            <Tr>
              <Th modifier="wrap">{t("tokenName")}</Th>
              <Th modifier="wrap">{t("tokenRole")}</Th>
              <Th modifier="wrap">{t("tokenScopes")}</Th>
              <Th modifier="wrap">{t("tokenCreated")}</Th>
              <Th modifier="wrap">{t("tokenExpires")}</Th>
              <Th modifier="wrap">{t("tokenLastUsed")}</Th>
              <Th modifier="wrap">{t("tokenHint")}</Th>
              <Th screenReaderText={t("tokenActions")} />
            </Tr>
          </Thead>
          <Tbody>
            {tokens.map((token) => (
              <Tr key={token.id} id={`personal-token-${token.id}`} data-testid="token-row" data-token-id={token.id} data-token-name={token.name}>
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
                  <Button variant="secondary" isDanger data-testid="revoke-token" data-token-id={token.id} aria-label={t("revokeTokenNamed", { name: token.name })}
                    onClick={() => setRevoking(token)}>
                    {t("pt_revoke")}
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
        <ConfirmRevokeModal title={t("revokeTokenTitle", { name: revoking.name })} confirmTestId="confirm-revoke"
          onConfirm={() => void revoke(revoking)} onCancel={() => setRevoking(undefined)} />
      )}
    </Page>
  );
};
