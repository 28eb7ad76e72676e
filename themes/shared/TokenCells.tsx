import { Label, LabelGroup } from "@patternfly/react-core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, type DateStyle } from "./dates";
import type { Token } from "./token";

/**
 * The token table's columns, which both consoles show alike (DESIGN.md §7, §10.5): each cell is
 * the main value with, below it, the detail that qualifies it (the hint and assigner of a name,
 * the rotation, the date an unused token dies, the address of the last use). Each console puts
 * them into its own table, with its own leading and action columns.
 */
export type TokenColumn = { key: string; title: string; cell: (token: Token) => ReactNode };

export type TokenColumnOptions = {
  locale?: string;
  /** For a table that must fit a narrow window: dates without the time (it is on hover), one label per cell. */
  compact?: boolean;
  /** What the console adds after the expiry date (the account console's "expires soon"). */
  expiryBadge?: (token: Token) => ReactNode;
};

export function useTokenColumns({ locale, compact = false, expiryBadge }: TokenColumnOptions = {}): TokenColumn[] {
  const { t } = useTranslation();
  const format = { locale, dateStyle: compact ? ("date" as const) : undefined };
  return [
    { key: "name", title: t("pt_name"), cell: (token) => <NameCell token={token} /> },
    { key: "role", title: t("pt_role"), cell: (token) => token.role },
    { key: "scopes", title: t("pt_scopes"), cell: (token) => <ScopesCell token={token} numLabels={compact ? 1 : 3} /> },
    { key: "created", title: t("pt_created"), cell: (token) => <CreatedCell token={token} {...format} /> },
    {
      key: "expires", title: t("pt_expires"),
      cell: (token) => <ExpiresCell token={token} {...format}>{expiryBadge?.(token)}</ExpiresCell>,
    },
    { key: "lastUsed", title: t("pt_lastUsed"), cell: (token) => <LastUsedCell token={token} {...format} /> },
    { key: "networks", title: t("pt_allowedNetworks"), cell: (token) => <NetworksCell token={token} numLabels={compact ? 1 : 2} /> },
  ];
}

type CellProps = {
  token: Token;
  locale?: string;
  /** `date` for tables that must fit a narrow window: the time is then in the tooltip. */
  dateStyle?: DateStyle;
};

const Detail = ({ testId, title, children }: { testId: string; title?: string; children: ReactNode }) => (
  <div className="pf-v5-u-font-size-sm pf-v5-u-color-200" data-testid={testId} title={title}>{children}</div>
);

/** A date as the cell shows it, and, when that is less than the full date and time, the full one for the tooltip. */
const useDate = ({ locale, dateStyle }: Omit<CellProps, "token">) => {
  const shown = (iso: string) => formatDateTime(iso, locale, dateStyle);
  shown.title = (iso: string) => (dateStyle === "date" ? formatDateTime(iso, locale) : undefined);
  return shown;
};

/** The name, the hint (prefix and last characters), and who assigned it. */
const NameCell = ({ token }: { token: Token }) => {
  const { t } = useTranslation();
  return (
    <>
      <strong>{token.name}</strong>
      <Detail testId="token-hint"><code>{token.hint}</code></Detail>
      {token.assignedBy && <Detail testId="assigned-by">{t("pt_assignedByOwner", { owner: token.assignedBy })}</Detail>}
    </>
  );
};

/** Created, and when the secret was last replaced. */
const CreatedCell = ({ token, ...format }: CellProps) => {
  const { t } = useTranslation();
  const date = useDate(format);
  return (
    <>
      <span title={date.title(token.createdAt)}>{date(token.createdAt)}</span>
      {token.rotatedAt && (
        <Detail testId="rotated-at" title={date.title(token.rotatedAt)}>{t("pt_rotatedOn", { date: date(token.rotatedAt) })}</Detail>
      )}
    </>
  );
};

/**
 * The expiry, and the earlier date on which the token dies if it stays unused (the realm's offline
 * session idle or the policy's inactivity revoke), which is the truth a user needs to hear.
 */
const ExpiresCell = ({ token, children, ...format }: CellProps & { children?: ReactNode }) => {
  const { t } = useTranslation();
  const date = useDate(format);
  const diesUnusedFirst = token.idleExpiresAt !== null
    && (token.expiresAt === null || new Date(token.idleExpiresAt).getTime() < new Date(token.expiresAt).getTime());
  return (
    <>
      {token.expiresAt ? <span title={date.title(token.expiresAt)}>{date(token.expiresAt)}</span> : t("pt_never")}
      {children}
      {diesUnusedFirst && (
        <Detail testId="idle-expires" title={date.title(token.idleExpiresAt!)}>{t("pt_diesUnusedOn", { date: date(token.idleExpiresAt!) })}</Detail>
      )}
    </>
  );
};

/** When and from which address the token was last used. */
const LastUsedCell = ({ token, ...format }: CellProps) => {
  const { t } = useTranslation();
  const date = useDate(format);
  return (
    <>
      {token.lastUsedAt ? <span title={date.title(token.lastUsedAt)}>{date(token.lastUsedAt)}</span> : t("pt_neverUsed")}
      {token.lastUsedIp && <Detail testId="last-used-ip">{t("pt_fromAddress", { address: token.lastUsedIp })}</Detail>}
    </>
  );
};

/** The networks a token may be used from, or "anywhere". */
const NetworksCell = ({ token, numLabels = 2 }: { token: Token; numLabels?: number }) => {
  const { t } = useTranslation();
  if (token.allowedNetworks.length === 0) {
    return <span className="pf-v5-u-color-200" data-testid="allowed-networks">{t("pt_anywhere")}</span>;
  }
  return (
    <LabelGroup numLabels={numLabels} isCompact data-testid="allowed-networks" aria-label={t("pt_allowedNetworks")}
      expandedText={t("pt_showLess")} collapsedText={t("pt_showMore", { remaining: "${remaining}" })}>
      {token.allowedNetworks.map((network) => <Label key={network} isCompact variant="outline">{network}</Label>)}
    </LabelGroup>
  );
};

/** The role's scopes as compact labels on one line; the rest behind "n more". */
const ScopesCell = ({ token, numLabels = 3 }: { token: Token; numLabels?: number }) => {
  const { t } = useTranslation();
  return (
    <LabelGroup numLabels={numLabels} isCompact aria-label={t("pt_scopes")}
      expandedText={t("pt_showLess")} collapsedText={t("pt_showMore", { remaining: "${remaining}" })}>
      {token.scopes.map((scope) => <Label key={scope} isCompact>{scope}</Label>)}
    </LabelGroup>
  );
};
