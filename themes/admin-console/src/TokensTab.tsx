import {
  Alert,
  Button,
  EmptyState,
  EmptyStateHeader,
  FormSelect,
  FormSelectOption,
  Label,
  LabelGroup,
  PageSection,
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation";
import { ConfirmRevokeModal, formatDateTime, type Token } from "@pt/shared";
import type { OwnerApi } from "./api";
import { AssignDialog } from "./AssignDialog";

const PAGE = 20;

type Confirm = { title: string; run: () => Promise<void> };

type Props = {
  api: OwnerApi;
  canManage: boolean;
  /** On a user's details page: that user's tokens only, and assignment to that user. */
  user?: UserRepresentation;
};

export const TokensTab = ({ api, canManage, user }: Props) => {
  const { t } = useTranslation();
  const userId = user?.id;
  const [tokens, setTokens] = useState<Token[]>([]);
  const [search, setSearch] = useState("");
  const [role, setRole] = useState("");
  const [roles, setRoles] = useState<string[]>([]);
  const [first, setFirst] = useState(0);
  const [error, setError] = useState<string>();
  const [assigning, setAssigning] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>();

  const refresh = useCallback(async () => {
    try {
      // One more than a page tells whether there is a next page.
      setTokens(await api.list({ userId, search, role, first, max: PAGE + 1 }));
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api, userId, search, role, first]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    api.policy().then((p) => setRoles(((p.roles as { role: string }[]) ?? []).map((r) => r.role))).catch(() => setRoles([]));
  }, [api]);

  const act = async (run: () => Promise<void>) => {
    setConfirm(undefined);
    try {
      await run();
    } catch (e) {
      setError((e as Error).message);
    }
    await refresh();
  };

  return (
    <PageSection>
      {error && <Alert variant="danger" isInline title={error} data-testid="tokens-error" className="pf-v5-u-mb-md" />}
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <SearchInput placeholder={t("pt_searchPlaceholder")} aria-label={t("pt_searchPlaceholder")} data-testid="token-search"
              value={search} onChange={(_e, v) => setSearch(v)} onSearch={() => { setFirst(0); void refresh(); }}
              onClear={() => { setSearch(""); setFirst(0); }} />
          </ToolbarItem>
          <ToolbarItem>
            <FormSelect aria-label={t("pt_role")} data-testid="role-filter" value={role} onChange={(_e, v) => { setRole(v); setFirst(0); }}>
              <FormSelectOption value="" label={t("pt_anyRole")} />
              {roles.map((r) => <FormSelectOption key={r} value={r} label={r} />)}
            </FormSelect>
          </ToolbarItem>
          {canManage && (
            <ToolbarItem>
              <Button data-testid="assign-token" onClick={() => setAssigning(true)}>{t("pt_assign")}</Button>
            </ToolbarItem>
          )}
          {canManage && user && tokens.length > 0 && (
            <ToolbarItem>
              <Button variant="secondary" isDanger data-testid="user-revoke-all"
                onClick={() => setConfirm({ title: t("pt_revokeAllTitle", { username: user.username }), run: () => api.revokeAll(user.id!) })}>
                {t("pt_revokeAll")}
              </Button>
            </ToolbarItem>
          )}
          <ToolbarItem variant="pagination" align={{ default: "alignRight" }}>
            <Button variant="plain" isDisabled={first === 0} onClick={() => setFirst(Math.max(0, first - PAGE))}>{t("pt_previous")}</Button>
            <Button variant="plain" isDisabled={tokens.length <= PAGE} onClick={() => setFirst(first + PAGE)}>{t("pt_next")}</Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {tokens.length === 0 ? (
        <EmptyState data-testid="no-tokens"><EmptyStateHeader titleText={t("pt_noTokens")} headingLevel="h2" /></EmptyState>
      ) : (
        <Table aria-label={t("personalTokens")} variant="compact" data-testid="owner-tokens-table">
          <Thead>
            <Tr>
              {!user && <Th>{t("pt_user")}</Th>}
              <Th>{t("pt_name")}</Th>
              <Th>{t("pt_role")}</Th>
              <Th>{t("pt_scopes")}</Th>
              <Th>{t("pt_created")}</Th>
              <Th>{t("pt_expires")}</Th>
              <Th>{t("pt_lastUsed")}</Th>
              <Th>{t("pt_assignedBy")}</Th>
              {canManage && <Th screenReaderText={t("pt_revoke")} />}
            </Tr>
          </Thead>
          <Tbody>
            {tokens.slice(0, PAGE).map((token) => (
              <Tr key={token.id} data-testid="owner-token-row" data-token-name={token.name}>
                {!user && <Td>{token.username}</Td>}
                <Td><strong>{token.name}</strong> <code className="pf-v5-u-font-size-sm">{token.hint}</code></Td>
                <Td>{token.role}</Td>
                <Td><LabelGroup>{token.scopes.map((s) => <Label key={s} isCompact>{s}</Label>)}</LabelGroup></Td>
                <Td>{formatDateTime(token.createdAt)}</Td>
                <Td>{token.expiresAt ? formatDateTime(token.expiresAt) : t("pt_never")}</Td>
                <Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t("pt_never")}</Td>
                <Td>{token.assignedBy ?? "—"}</Td>
                {canManage && (
                  <Td isActionCell>
                    <Button variant="secondary" isDanger size="sm" data-testid="owner-revoke"
                      onClick={() => setConfirm({ title: t("pt_revokeTitle", { name: token.name, username: token.username }), run: () => api.revoke(token.id) })}>
                      {t("pt_revoke")}
                    </Button>
                    {!user && (
                      <>
                        {" "}
                        <Button variant="link" isDanger size="sm" data-testid="owner-revoke-all"
                          onClick={() => setConfirm({ title: t("pt_revokeAllTitle", { username: token.username }), run: () => api.revokeAll(token.userId) })}>
                          {t("pt_revokeAll")}
                        </Button>
                      </>
                    )}
                  </Td>
                )}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {assigning && (
        <AssignDialog api={api} roles={roles} fixedUser={user}
          onClose={() => { setAssigning(false); void refresh(); }} />
      )}
      {confirm && (
        <ConfirmRevokeModal title={confirm.title} confirmTestId="owner-confirm"
          onConfirm={() => void act(confirm.run)} onCancel={() => setConfirm(undefined)} />
      )}
    </PageSection>
  );
};
