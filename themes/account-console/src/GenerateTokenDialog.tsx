import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Alert,
  Button,
  ClipboardCopy,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Modal,
  ModalVariant,
  TextInput,
} from "@patternfly/react-core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, createToken, type CreatedToken, type UserPolicy } from "./api";

const DAY = 24 * 3600 * 1000;
const PRESETS = [30, 60, 90];

type Props = { policy: UserPolicy; onClose: () => void };

export const GenerateTokenDialog = ({ policy, onClose }: Props) => {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const presets = PRESETS.filter((d) => d <= policy.maxExpiresInDays);
  const initialExpiry = presets.includes(policy.defaultExpiresInDays) ? String(policy.defaultExpiresInDays)
    : policy.defaultExpiresInDays === 0 && policy.allowNonExpiring ? "never" : String(presets[presets.length - 1] ?? "custom");
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState(initialExpiry);
  const [customDate, setCustomDate] = useState("");
  const [role, setRole] = useState(policy.roles[0]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedToken>();

  const days = (): number | undefined => {
    if (expiry === "never") return 0;
    if (expiry !== "custom") return Number(expiry);
    const picked = new Date(`${customDate}T23:59:59`).getTime();
    if (!customDate || Number.isNaN(picked) || picked <= Date.now()) return undefined;
    return Math.ceil((picked - Date.now()) / DAY);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!name.trim()) {
      setError(t("tokenNameRequired"));
      return;
    }
    const expiresInDays = days();
    if (expiresInDays === undefined) {
      setError(t("tokenExpiryDateInvalid"));
      return;
    }
    setBusy(true);
    try {
      setCreated(await createToken(context, { name: name.trim(), expiresInDays, role }));
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t("tokenSessionExpired") : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Modal variant={ModalVariant.medium} isOpen title={t("tokenCreatedTitle")} onClose={onClose} data-testid="secret-dialog"
        actions={[<Button key="done" data-testid="secret-done" onClick={onClose}>{t("tokenDone")}</Button>]}>
        <Alert variant="warning" isInline title={t("tokenCopyWarningTitle")} className="pf-v5-u-mb-md" />
        <ClipboardCopy isReadOnly hoverTip={t("tokenCopyHint")} clickTip={t("tokenCopied")} data-testid="token-secret"
          textAriaLabel={t("tokenCreatedTitle")}>
          {created.token}
        </ClipboardCopy>
      </Modal>
    );
  }

  return (
    <Modal variant={ModalVariant.small} isOpen title={t("generateTokenTitle")} onClose={onClose} data-testid="generate-dialog"
      actions={[
        <Button key="generate" data-testid="generate-submit" onClick={() => submit()} isLoading={busy} isDisabled={busy}>
          {t("tokenGenerate")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>{t("tokenCancel")}</Button>,
      ]}>
      <Form onSubmit={submit} id="generate-token-form">
        {error && <Alert variant="danger" isInline title={error} data-testid="generate-error" />}
        <FormGroup label={t("tokenName")} isRequired fieldId="token-name">
          <TextInput id="token-name" data-testid="token-name" value={name} maxLength={100} isRequired autoFocus
            onChange={(_e, value) => setName(value)} />
          <FormHelperText><HelperText><HelperTextItem>{t("tokenNameHelp")}</HelperTextItem></HelperText></FormHelperText>
        </FormGroup>
        <FormGroup label={t("tokenExpiry")} fieldId="token-expiry">
          <FormSelect id="token-expiry" data-testid="token-expiry" value={expiry} onChange={(_e, value) => setExpiry(value)}>
            {presets.map((d) => <FormSelectOption key={d} value={String(d)} label={t("tokenExpiryDays", { days: d })} />)}
            <FormSelectOption value="custom" label={t("tokenExpiryCustom")} />
            {policy.allowNonExpiring && <FormSelectOption value="never" label={t("tokenExpiryNever")} />}
          </FormSelect>
        </FormGroup>
        {expiry === "custom" && (
          <FormGroup label={t("tokenExpiryDate")} fieldId="token-expiry-date">
            <TextInput id="token-expiry-date" data-testid="token-expiry-date" type="date" value={customDate}
              onChange={(_e, value) => setCustomDate(value)} />
          </FormGroup>
        )}
        {policy.roles.length > 1 && (
          <FormGroup label={t("tokenRole")} fieldId="token-role">
            <FormSelect id="token-role" data-testid="token-role" value={role} onChange={(_e, value) => setRole(value)}>
              {policy.roles.map((r) => <FormSelectOption key={r} value={r} label={r} />)}
            </FormSelect>
          </FormGroup>
        )}
      </Form>
    </Modal>
  );
};
