import { useRealm } from "@keycloak/keycloak-admin-ui";
import {
  ActionGroup,
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  FormSection,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  PageSection,
  TextArea,
  TextInput,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OwnerApi } from "./api";
import {
  diesUnusedBeforeExpiry,
  fieldText,
  isWholeNumber,
  noticeDaysText,
  noticeDaysValue,
  numberValue,
  parsePolicy,
  policyErrors,
  writePolicy,
  type PolicyDoc,
  type PolicyErrors,
} from "./policyForm";

/** The policy's top-level number fields, in the order the form shows them. */
const NUMBER_FIELDS = ["defaultExpiresInDays", "maxExpiresInDays", "maxTokensPerUser", "maxAuthAgeSeconds", "revokeAfterDaysUnused"] as const;
const FIELDS = [...NUMBER_FIELDS, "allowNonExpiring", "tokenPrefix", "expiryNoticeDays", "roles"];

type RoleEntry = { role?: unknown; scopes?: unknown; maxExpiresInDays?: unknown; requireAllowedNetworks?: unknown };

const DAY = 86400;

export const PolicyTab = ({ api, canSave }: { api: OwnerApi; canSave: boolean }) => {
  const { t } = useTranslation();
  const { realmRepresentation } = useRealm();
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [errors, setErrors] = useState<PolicyErrors>();
  const [saved, setSaved] = useState(false);
  const doc = parsePolicy(text);
  const roles: RoleEntry[] = Array.isArray(doc?.roles) ? (doc.roles as RoleEntry[]) : [];
  const readOnly = !canSave || !doc;

  const load = () => api.policy().then((p) => setText(writePolicy(p))).catch((e) => setError((e as Error).message));

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  const edit = (change: (d: PolicyDoc) => void) => {
    if (!doc) return;
    const next = structuredClone(doc);
    change(next);
    setText(writePolicy(next));
    setSaved(false);
  };

  const editRole = (index: number, change: (role: RoleEntry) => void) =>
    edit((d) => change((d.roles as RoleEntry[])[index]));

  const save = async () => {
    setSaved(false);
    try {
      await api.savePolicy(text);
      setError(undefined);
      setErrors(undefined);
      setSaved(true);
      // What the server stored, with the defaults it filled in.
      await load();
    } catch (e) {
      const message = (e as Error).message;
      setError(message);
      setErrors(policyErrors(message, FIELDS));
    }
  };

  /** The field's help, or what is wrong with it: first what the form sees, then what the server said. */
  const helper = (field: string, help: ReactNode, problems: string[] = []) => {
    const fromServer = errors?.fields[field] ?? [];
    return (
      <FormHelperText>
        <HelperText>
          {problems.map((p) => <HelperTextItem key={p} variant="error" data-testid={`policy-${field}-invalid`}>{p}</HelperTextItem>)}
          {fromServer.length > 0 && (
            <HelperTextItem variant="error" data-testid={`policy-${field}-error`}>{fromServer.join("; ")}</HelperTextItem>
          )}
          {problems.length === 0 && fromServer.length === 0 && <HelperTextItem>{help}</HelperTextItem>}
        </HelperText>
      </FormHelperText>
    );
  };

  const numberField = (field: (typeof NUMBER_FIELDS)[number]) => {
    const value = doc?.[field];
    const problems = isWholeNumber(value) ? [] : [t("pt_wholeNumber")];
    return (
      <FormGroup label={t(`pt_policy_${field}`)} fieldId={`policy-${field}`}>
        <TextInput id={`policy-${field}`} data-testid={`policy-${field}`} type="number" min={0} inputMode="numeric"
          value={fieldText(value)} readOnlyVariant={readOnly ? "default" : undefined}
          validated={problems.length > 0 || errors?.fields[field] ? "error" : "default"}
          onChange={(_e, v) => edit((d) => { d[field] = numberValue(v); })} />
        {helper(field, t(`pt_policy_${field}Help`), problems)}
      </FormGroup>
    );
  };

  const idle = realmRepresentation?.offlineSessionIdleTimeout;
  const maxLifespan = realmRepresentation?.offlineSessionMaxLifespanEnabled ? realmRepresentation.offlineSessionMaxLifespan : undefined;
  const days = (seconds: number) => Math.round((seconds / DAY) * 10) / 10;

  return (
    <PageSection>
      <Form onSubmit={(e) => e.preventDefault()} isWidthLimited={false}>
        {error && (
          <Alert variant="danger" isInline title={t("pt_policyInvalid")} data-testid="policy-error">
            <ul>{error.split("; ").map((m) => <li key={m}>{m}</li>)}</ul>
          </Alert>
        )}
        {saved && <Alert variant="success" isInline title={t("pt_policySaved")} data-testid="policy-saved" />}
        {doc && diesUnusedBeforeExpiry(idle, doc.maxExpiresInDays, doc.allowNonExpiring) && (
          <Alert variant="warning" isInline data-testid="offline-idle-warning" title={t("pt_offlineIdleWarningTitle")}>
            {doc.allowNonExpiring === true
              ? t("pt_offlineIdleWarningNever", { idle: days(idle!) })
              : t("pt_offlineIdleWarning", { idle: days(idle!), max: doc.maxExpiresInDays })}
          </Alert>
        )}
        {doc && diesUnusedBeforeExpiry(maxLifespan, doc.maxExpiresInDays, doc.allowNonExpiring) && (
          <Alert variant="warning" isInline data-testid="offline-max-warning" title={t("pt_offlineMaxWarning", { max: days(maxLifespan!) })} />
        )}
        {!doc && text !== "" && <Alert variant="info" isInline title={t("pt_policyJsonFirst")} data-testid="policy-json-invalid" />}
        <Grid hasGutter md={6}>
          <GridItem>
            <FormSection title={t("pt_policyLifetimes")} titleElement="h2">
              {numberField("defaultExpiresInDays")}
              {numberField("maxExpiresInDays")}
              <FormGroup fieldId="policy-allowNonExpiring">
                <Checkbox id="policy-allowNonExpiring" data-testid="policy-allowNonExpiring" label={t("pt_policy_allowNonExpiring")}
                  isChecked={doc?.allowNonExpiring === true} isDisabled={readOnly}
                  onChange={(_e, checked) => edit((d) => { d.allowNonExpiring = checked; })} />
                {helper("allowNonExpiring", t("pt_policy_allowNonExpiringHelp"))}
              </FormGroup>
              {numberField("maxTokensPerUser")}
            </FormSection>
          </GridItem>
          <GridItem>
            <FormSection title={t("pt_policySecurity")} titleElement="h2">
              {numberField("maxAuthAgeSeconds")}
              {numberField("revokeAfterDaysUnused")}
              <FormGroup label={t("pt_policy_expiryNoticeDays")} fieldId="policy-expiryNoticeDays">
                <TextInput id="policy-expiryNoticeDays" data-testid="policy-expiryNoticeDays" value={noticeDaysText(doc?.expiryNoticeDays)}
                  readOnlyVariant={readOnly ? "default" : undefined} validated={errors?.fields.expiryNoticeDays ? "error" : "default"}
                  onChange={(_e, v) => edit((d) => { d.expiryNoticeDays = noticeDaysValue(v); })} />
                {helper("expiryNoticeDays", t("pt_policy_expiryNoticeDaysHelp"))}
              </FormGroup>
              <FormGroup label={t("pt_policy_tokenPrefix")} fieldId="policy-tokenPrefix">
                <TextInput id="policy-tokenPrefix" data-testid="policy-tokenPrefix" value={fieldText(doc?.tokenPrefix)}
                  readOnlyVariant={readOnly ? "default" : undefined} validated={errors?.fields.tokenPrefix ? "error" : "default"}
                  onChange={(_e, v) => edit((d) => { d.tokenPrefix = v; })} />
                {helper("tokenPrefix", t("pt_policy_tokenPrefixHelp"))}
              </FormGroup>
            </FormSection>
          </GridItem>
          <GridItem md={12}>
            <FormSection title={t("pt_policyRoles")} titleElement="h2">
              <Table variant="compact" aria-label={t("pt_policyRoles")} data-testid="policy-roles">
                <Thead>
                  <Tr>
                    <Th>{t("pt_role")}</Th>
                    <Th>{t("pt_scopes")}</Th>
                    <Th modifier="wrap">{t("pt_policy_roleMaxExpiresInDays")}</Th>
                    <Th modifier="wrap">{t("pt_policy_roleRequireAllowedNetworks")}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {roles.map((r, i) => {
                    const name = fieldText(r.role);
                    const problems = errors?.roles[name] ?? [];
                    return (
                      <Tr key={i} data-testid="policy-role" data-role={name}>
                        <Td dataLabel={t("pt_role")}>
                          <strong>{name}</strong>
                          {problems.length > 0 && (
                            <div className="pf-v5-u-danger-color-100 pf-v5-u-font-size-sm" data-testid="policy-role-error">{problems.join("; ")}</div>
                          )}
                        </Td>
                        <Td dataLabel={t("pt_scopes")}>
                          <TextInput aria-label={t("pt_policy_roleScopes", { role: name })} data-testid="policy-role-scopes"
                            value={Array.isArray(r.scopes) ? r.scopes.join(" ") : fieldText(r.scopes)} readOnlyVariant={readOnly ? "default" : undefined}
                            onChange={(_e, v) => editRole(i, (role) => { role.scopes = v.split(/\s+/).filter(Boolean); })} />
                        </Td>
                        <Td dataLabel={t("pt_policy_roleMaxExpiresInDays")}>
                          <TextInput aria-label={t("pt_policy_roleMaxFor", { role: name })} data-testid="policy-role-maxExpiresInDays" type="number" min={1}
                            value={fieldText(r.maxExpiresInDays)} placeholder={fieldText(doc?.maxExpiresInDays)} readOnlyVariant={readOnly ? "default" : undefined}
                            validated={problems.length > 0 ? "error" : "default"}
                            onChange={(_e, v) => editRole(i, (role) => {
                              const value = numberValue(v);
                              if (value === null) delete role.maxExpiresInDays;
                              else role.maxExpiresInDays = value;
                            })} />
                        </Td>
                        <Td dataLabel={t("pt_policy_roleRequireAllowedNetworks")}>
                          <Checkbox id={`policy-role-networks-${i}`} aria-label={t("pt_policy_roleNetworksFor", { role: name })}
                            data-testid="policy-role-requireAllowedNetworks" isChecked={r.requireAllowedNetworks === true} isDisabled={readOnly}
                            onChange={(_e, checked) => editRole(i, (role) => {
                              if (checked) role.requireAllowedNetworks = true;
                              else delete role.requireAllowedNetworks;
                            })} />
                        </Td>
                      </Tr>
                    );
                  })}
                </Tbody>
              </Table>
              {helper("roles", t("pt_policyRolesHelp"))}
            </FormSection>
          </GridItem>
        </Grid>
        <FormGroup label={t("pt_policyJson")} fieldId="policy-json">
          <TextArea id="policy-json" data-testid="policy-json" value={text} onChange={(_e, v) => { setText(v); setSaved(false); }}
            rows={14} resizeOrientation="vertical" readOnlyVariant={canSave ? undefined : "default"}
            style={{ fontFamily: "var(--pf-v5-global--FontFamily--monospace)" }} />
          <FormHelperText><HelperText><HelperTextItem>{t("pt_policyHelp")}</HelperTextItem></HelperText></FormHelperText>
        </FormGroup>
        {canSave && (
          <ActionGroup>
            <Button data-testid="policy-save" onClick={save}>{t("pt_savePolicy")}</Button>
            <Button variant="link" data-testid="policy-reset" onClick={() => { setError(undefined); setErrors(undefined); void load(); }}>
              {t("pt_resetPolicy")}
            </Button>
          </ActionGroup>
        )}
      </Form>
    </PageSection>
  );
};
