import { Label, LabelGroup } from "@patternfly/react-core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, type DateStyle } from "./dates";
import type { Token } from "./token";

/**
 * The contents of the token table cells both consoles show alike (DESIGN.md §10.5): each is the
 * main value with, below it, the detail that qualifies it (the address of the last use, the
 * rotation, the date an unused token dies). The hosts lay out the columns.
 */
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

/** Created, and when the secret was last replaced. */
export const CreatedCell = ({ token, ...format }: CellProps) => {
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
export const ExpiresCell = ({ token, children, ...format }: CellProps & { children?: ReactNode }) => {
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
export const LastUsedCell = ({ token, ...format }: CellProps) => {
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
export const NetworksCell = ({ token, numLabels = 2 }: { token: Token; numLabels?: number }) => {
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
export const ScopesCell = ({ token, numLabels = 3 }: { token: Token; numLabels?: number }) => {
  const { t } = useTranslation();
  return (
    <LabelGroup numLabels={numLabels} isCompact aria-label={t("pt_scopes")}
      expandedText={t("pt_showLess")} collapsedText={t("pt_showMore", { remaining: "${remaining}" })}>
      {token.scopes.map((scope) => <Label key={scope} isCompact>{scope}</Label>)}
    </LabelGroup>
  );
};
