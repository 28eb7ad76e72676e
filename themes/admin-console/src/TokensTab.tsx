import {
  Alert,
  Button,
  EmptyState,
  EmptyStateHeader,
  Label,
  MenuToggle,
  PageSection,
  Pagination,
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { EllipsisVIcon } from "@patternfly/react-icons";
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr, type IAction } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation";
import { ConfirmRevokeModal, RotateTokenModal, ShowOnceSecretModal, useTokenColumns, type CreatedToken, type Token } from "@pt/shared";
import type { OwnerApi, Policy } from "./api";
import { AssignDialog } from "./AssignDialog";
import { RoleFilter } from "./RoleFilter";

const PER_PAGE = [10, 20, 50, 100];

/** The stock console's stylesheet keeps table cells on one line (nowrap); these may wrap, so the table fits the window. */
const WRAP = { whiteSpace: "normal" } as const;

type Confirm = { title: string; run: () => Promise<void> };

/** A kebab item with the data-testid the browser tests click (IAction passes it on, but does not type it). */
const action = (testId: string, item: IAction): IAction => ({ ...item, ...({ "data-testid": testId } as IAction) });

/** Whose tokens the list shows: one user's, on the user tab or when the owner page is filtered. */
type Owner = { id: string; username: string };

type Props = {
  api: OwnerApi;
  canManage: boolean;
  /** On a user's details page: that user's tokens only, and assignment to that user. */
  user?: UserRepresentation;
};

export const TokensTab = ({ api, canManage, user }: Props) => {
  const { t } = useTranslation();
  const [tokens, setTokens] = useState<Token[]>([]);
  const [total, setTotal] = useState<number>();
  const [search, setSearch] = useState("");
  const [role, setRole] = useState("");
  const [policy, setPolicy] = useState<Policy>();
  const [filterUser, setFilterUser] = useState<Owner>();
  const [first, setFirst] = useState(0);
  const [max, setMax] = useState(20);
  const [error, setError] = useState<string>();
  const [assigning, setAssigning] = useState(false);
  const [rotating, setRotating] = useState<Token>();
  const [shown, setShown] = useState<{ title: string; created: CreatedToken }>();
  const [confirm, setConfirm] = useState<Confirm>();
  const columns = useTokenColumns({ compact: true });
  const owner: Owner | undefined = user?.id ? { id: user.id, username: user.username ?? "" } : filterUser;

  const refresh = useCallback(async () => {
    try {
      // One more than a page tells whether there is a next page when the server sends no total.
      const page = await api.list({ userId: owner?.id, search, role, first, max: max + 1 });
      setTokens(page.tokens);
      setTotal(page.total);
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api, owner?.id, search, role, first, max]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    api.policy().then(setPolicy).catch(() => setPolicy(undefined));
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

  const showSecret = (title: string, created: CreatedToken) => {
    setAssigning(false);
    setRotating(undefined);
    setShown({ title, created });
    void refresh();
  };

  const filterTo = (next: Owner | undefined) => {
    setFilterUser(next);
    setFirst(0);
  };

  const rowActions = (token: Token): IAction[] => [
    ...(canManage ? [
      action("owner-rotate", { title: t("pt_rotate"), onClick: () => setRotating(token) }),
      action("owner-revoke", {
        title: t("pt_revoke"), isDanger: true,
        onClick: () => setConfirm({ title: t("pt_revokeTitle", { name: token.name, username: token.username }), run: () => api.revoke(token.id) }),
      }),
    ] : []),
    ...(!owner ? [
      ...(canManage ? [{ isSeparator: true }] : []),
      action("owner-filter-user", {
        title: t("pt_onlyThisUser", { username: token.username }),
        onClick: () => filterTo({ id: token.userId, username: token.username }),
      }),
    ] : []),
  ];

  const roles = policy?.roles.map((r) => r.role) ?? [];
  const rows = tokens.slice(0, max);
  const hasActions = canManage || !owner;

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
            <RoleFilter roles={roles} value={role} onChange={(r) => { setRole(r); setFirst(0); }} />
          </ToolbarItem>
          {filterUser && !user && (
            <ToolbarItem alignItems="center">
              <Label data-testid="user-filter" onClose={() => filterTo(undefined)} closeBtnAriaLabel={t("pt_clearUserFilter")}>
                {t("pt_userIs", { username: filterUser.username })}
              </Label>
            </ToolbarItem>
          )}
          {canManage && (
            <ToolbarItem>
              <Button data-testid="assign-token" onClick={() => setAssigning(true)}>{t("pt_assign")}</Button>
            </ToolbarItem>
          )}
          {canManage && owner && tokens.length > 0 && (
            <ToolbarItem>
              <Button variant="secondary" isDanger data-testid="user-revoke-all"
                onClick={() => setConfirm({ title: t("pt_revokeAllTitle", { username: owner.username }), run: () => api.revokeAll(owner.id) })}>
                {t("pt_revokeAllOf", { username: owner.username })}
              </Button>
            </ToolbarItem>
          )}
          {total !== undefined && (
            <ToolbarItem align={{ default: "alignRight" }} alignItems="center">
              <span data-testid="token-count" data-count={total} className="pf-v5-u-color-200">{t("pt_tokenCount", { count: total })}</span>
            </ToolbarItem>
          )}
          <ToolbarItem variant="pagination" align={total === undefined ? { default: "alignRight" } : undefined}>
            <Pagination isCompact data-testid="token-pagination" perPage={max} page={Math.floor(first / max) + 1}
              itemCount={total ?? first + tokens.length}
              perPageOptions={PER_PAGE.map((n) => ({ title: String(n), value: n }))}
              onSetPage={(_e, page) => setFirst((page - 1) * max)}
              onPerPageSelect={(_e, perPage) => { setMax(perPage); setFirst(0); }}
              // The total, where the server sends one, stands beside: without it "of n" would guess.
              toggleTemplate={({ firstIndex, lastIndex }) => <b>{firstIndex} - {lastIndex}</b>} />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {rows.length === 0 ? (
        <EmptyState data-testid="no-tokens"><EmptyStateHeader titleText={t("pt_noTokens")} headingLevel="h2" /></EmptyState>
      ) : (
        <Table aria-label={t("personalTokens")} variant="compact" data-testid="owner-tokens-table">
          <Thead>
            <Tr>
              {!user && <Th modifier="wrap">{t("pt_user")}</Th>}
              {columns.map((column) => <Th key={column.key} modifier="wrap">{column.title}</Th>)}
              {hasActions && <Th screenReaderText={t("pt_actions")} />}
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((token) => (
              <Tr key={token.id} data-testid="owner-token-row" data-token-name={token.name} data-token-id={token.id}>
                {!user && <Td style={WRAP} dataLabel={t("pt_user")}>{token.username}</Td>}
                {columns.map((column) => <Td key={column.key} style={WRAP} dataLabel={column.title}>{column.cell(token)}</Td>)}
                {hasActions && (
                  <Td isActionCell modifier="fitContent">
                    <ActionsColumn items={rowActions(token)}
                      actionsToggle={({ onToggle, isOpen, isDisabled, toggleRef }) => (
                        <MenuToggle ref={toggleRef} variant="plain" data-testid="owner-row-kebab" aria-label={t("pt_actionsFor", { name: token.name })}
                          onClick={onToggle} isExpanded={isOpen} isDisabled={isDisabled}>
                          <EllipsisVIcon />
                        </MenuToggle>
                      )} />
                  </Td>
                )}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {assigning && (
        <AssignDialog api={api} roles={roles} fixedUser={user}
          onAssigned={(created) => showSecret(t("pt_secretTitle", { username: created.username }), created)}
          onClose={() => setAssigning(false)} />
      )}
      {rotating && (
        <RotateTokenModal token={rotating} maxExpiresInDays={policy?.maxExpiresInDays} allowNonExpiring={policy?.allowNonExpiring}
          rotate={(days) => api.rotate(rotating.id, days)} describeError={(e) => (e as Error).message}
          onRotated={(created) => showSecret(t("pt_rotatedTitle", { name: created.name }), created)}
          onCancel={() => setRotating(undefined)} />
      )}
      {shown && (
        <ShowOnceSecretModal title={shown.title} created={shown.created} onClose={() => { setShown(undefined); void refresh(); }}
          testIdPrefix="owner-" />
      )}
      {confirm && (
        <ConfirmRevokeModal title={confirm.title} confirmTestId="owner-confirm"
          onConfirm={() => void act(confirm.run)} onCancel={() => setConfirm(undefined)} />
      )}
    </PageSection>
  );
};
