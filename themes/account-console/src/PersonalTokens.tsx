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
  Spinner,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { KeyIcon } from "@patternfly/react-icons";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, ConfirmRevokeModal, RotateTokenModal, ShowOnceSecretModal, useTokenColumns, type CreatedToken, type Token } from "@pt/shared";
import { getPolicy, listTokens, revokeToken, type UserPolicy } from "./api";
import { describeError } from "./describeError";
import { GenerateTokenDialog } from "./GenerateTokenDialog";
import type { PendingAction } from "./pendingAction";
import { useResumeAfterSignIn, useStepUpAction } from "./stepUp";

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
  const [rotating, setRotating] = useState<Token>();
  /** A new secret, shown once: after a create, a rotate, or the retry after a fresh sign-in. */
  const [shown, setShown] = useState<{ title: string; created: CreatedToken }>();
  const [resumeError, setResumeError] = useState<string>();
  const locale = context.environment.locale || undefined;
  const run = useStepUpAction();
  const columns = useTokenColumns({
    locale,
    expiryBadge: (token) => token.expiresAt && new Date(token.expiresAt).getTime() - Date.now() < WEEK && (
      <>{" "}<Label color="orange" isCompact data-testid="expires-soon">{t("tokenExpiresSoon")}</Label></>
    ),
  });

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

  const titleOf = useCallback((action: PendingAction) =>
    action.kind === "create" ? t("tokenCreatedTitle") : t("pt_rotatedTitle", { name: action.tokenName }), [t]);

  const show = useCallback((created: CreatedToken, action: PendingAction) => {
    setGenerating(false);
    setRotating(undefined);
    setShown({ title: titleOf(action), created });
    void refresh();
  }, [titleOf, refresh]);

  // Back from the sign-in a create or rotate asked for: finish it, and show the new secret.
  useResumeAfterSignIn(run, show, useCallback((e: unknown, action: PendingAction) => {
    const name = action.kind === "create" ? action.body.name : action.tokenName;
    setResumeError(t("tokenResumeError", { name, error: describeError(e, t) }));
  }, [t]));

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
      {resumeError && (
        <Alert variant="danger" isInline title={resumeError} data-testid="resume-error"
          actionClose={<AlertActionCloseButton onClose={() => setResumeError(undefined)} />} />
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
              {columns.map((column) => <Th key={column.key} modifier="wrap">{column.title}</Th>)}
              <Th screenReaderText={t("tokenActions")} />
            </Tr>
          </Thead>
          <Tbody>
            {tokens.map((token) => (
              <Tr key={token.id} id={`personal-token-${token.id}`} data-testid="token-row" data-token-id={token.id} data-token-name={token.name}>
                {columns.map((column) => <Td key={column.key} dataLabel={column.title}>{column.cell(token)}</Td>)}
                <Td isActionCell modifier="fitContent">
                  <div className="pf-v5-u-display-flex pf-v5-u-justify-content-flex-end" style={{ gap: "var(--pf-v5-global--spacer--sm)" }}>
                    <Button variant="secondary" data-testid="rotate-token" data-token-id={token.id} aria-label={t("rotateTokenNamed", { name: token.name })}
                      onClick={() => setRotating(token)}>
                      {t("pt_rotate")}
                    </Button>
                    <Button variant="secondary" isDanger data-testid="revoke-token" data-token-id={token.id} aria-label={t("revokeTokenNamed", { name: token.name })}
                      onClick={() => setRevoking(token)}>
                      {t("pt_revoke")}
                    </Button>
                  </div>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {generating && policy && (
        <GenerateTokenDialog policy={policy} create={(body) => run({ kind: "create", body })}
          onCreated={(created) => show(created, { kind: "create", body: { name: created.name } })}
          onClose={() => setGenerating(false)} />
      )}
      {rotating && (
        <RotateTokenModal token={rotating} maxExpiresInDays={policy?.maxExpiresInDays} allowNonExpiring={policy?.allowNonExpiring}
          rotate={(expiresInDays) => run({ kind: "rotate", tokenId: rotating.id, tokenName: rotating.name, expiresInDays })}
          describeError={(e) => describeError(e, t)}
          onRotated={(created) => show(created, { kind: "rotate", tokenId: created.id, tokenName: created.name })}
          onCancel={() => setRotating(undefined)} />
      )}
      {/* Closing it refreshes the list: the secret may have been used meanwhile. */}
      {shown && <ShowOnceSecretModal title={shown.title} created={shown.created} onClose={() => { setShown(undefined); void refresh(); }} />}
      {revoking && (
        <ConfirmRevokeModal title={t("revokeTokenTitle", { name: revoking.name })} confirmTestId="confirm-revoke"
          onConfirm={() => void revoke(revoking)} onCancel={() => setRevoking(undefined)} />
      )}
    </Page>
  );
};
