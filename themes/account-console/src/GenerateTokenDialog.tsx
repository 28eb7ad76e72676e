import {
  Alert,
  Button,
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
import { NetworksField, parseNetworks, TOKEN_NAME_MAX_LENGTH, type CreatedToken } from "@pt/shared";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { NewToken, UserPolicy } from "./api";
import { describeError } from "./describeError";

const DAY = 24 * 3600 * 1000;
const PRESET_DAYS = [30, 60, 90];

/** The expiry choices offered: 30/60/90 days and the policy default, never above the policy maximum. */
export function expiryChoices(policy: UserPolicy): number[] {
  const max = policy.maxExpiresInDays;
  const days = new Set(PRESET_DAYS.filter((d) => d <= max));
  if (policy.defaultExpiresInDays > 0 && policy.defaultExpiresInDays <= max) days.add(policy.defaultExpiresInDays);
  if (days.size === 0 && max > 0) days.add(max);
  return [...days].sort((a, b) => a - b);
}

/** yyyy-mm-dd of a local date, as an <input type="date"> wants it. */
const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

type Props = {
  policy: UserPolicy;
  /** Creates the token; the page's runner, which sends the user to sign in again when the server asks. */
  create: (body: NewToken) => Promise<CreatedToken>;
  /** The new token, for the page to show its secret once. */
  onCreated: (created: CreatedToken) => void;
  onClose: () => void;
};

export const GenerateTokenDialog = ({ policy, create, onCreated, onClose }: Props) => {
  const { t } = useTranslation();
  const choices = expiryChoices(policy);
  const initialExpiry =
    policy.defaultExpiresInDays === 0 && policy.allowNonExpiring
      ? "never"
      : choices.includes(policy.defaultExpiresInDays)
        ? String(policy.defaultExpiresInDays)
        : choices.length > 0
          ? String(choices[choices.length - 1])
          : policy.allowNonExpiring
            ? "never"
            : "custom";
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState(initialExpiry);
  const [customDate, setCustomDate] = useState("");
  const [role, setRole] = useState(policy.roles[0]);
  const [networks, setNetworks] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const today = new Date();
  const minDate = isoDay(new Date(today.getTime() + DAY));
  const maxDate = policy.maxExpiresInDays > 0 ? isoDay(new Date(today.getTime() + policy.maxExpiresInDays * DAY)) : undefined;

  /** The expiresInDays to send, or undefined when the chosen date is not acceptable. */
  const expiresInDays = (): number | undefined => {
    if (expiry === "never") return 0;
    if (expiry !== "custom") return Number(expiry);
    if (!customDate) return undefined;
    const [y, m, d] = customDate.split("-").map(Number);
    const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
    const days = Math.round((new Date(y, m - 1, d).getTime() - startOfToday) / DAY);
    if (!Number.isInteger(days) || days < 1 || (policy.maxExpiresInDays > 0 && days > policy.maxExpiresInDays)) {
      return undefined;
    }
    return days;
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t("tokenNameRequired"));
      return;
    }
    const days = expiresInDays();
    if (days === undefined) {
      setError(t("tokenExpiryDateInvalid", { max: policy.maxExpiresInDays }));
      return;
    }
    const allowedNetworks = parseNetworks(networks);
    setBusy(true);
    try {
      const body: NewToken = {
        name: trimmed,
        expiresInDays: days,
        ...(policy.roles.length > 1 ? { role } : {}),
        ...(allowedNetworks.length > 0 ? { allowedNetworks } : {}),
      };
      onCreated(await create(body));
    } catch (e) {
      setError(describeError(e, t));
      setBusy(false);
    }
  };

  return (
    <Modal
      variant={ModalVariant.small}
      isOpen
      title={t("generateTokenTitle")}
      onClose={onClose}
      data-testid="generate-dialog"
      id="personal-token-generate-dialog"
      actions={[
        <Button
          key="generate"
          type="submit"
          form="generate-token-form"
          id="personal-token-generate-submit"
          data-testid="generate-submit"
          isLoading={busy}
          isDisabled={busy}
        >
          {t("tokenGenerate")}
        </Button>,
        <Button key="cancel" variant="link" data-testid="generate-cancel" onClick={onClose}>
          {t("pt_cancel")}
        </Button>,
      ]}
    >
      <Form onSubmit={submit} id="generate-token-form" noValidate>
        {error && <Alert variant="danger" isInline title={error} data-testid="generate-error" aria-live="assertive" />}
        <FormGroup label={t("tokenName")} isRequired fieldId="token-name">
          <TextInput
            id="token-name"
            data-testid="token-name"
            value={name}
            maxLength={TOKEN_NAME_MAX_LENGTH}
            isRequired
            autoFocus
            onChange={(_e, value) => setName(value)}
          />
          <FormHelperText>
            <HelperText>
              <HelperTextItem>{t("tokenNameHelp")}</HelperTextItem>
            </HelperText>
          </FormHelperText>
        </FormGroup>
        <FormGroup label={t("tokenExpiry")} fieldId="token-expiry">
          <FormSelect id="token-expiry" data-testid="token-expiry" value={expiry} onChange={(_e, value) => setExpiry(value)}>
            {choices.map((d) => (
              <FormSelectOption key={d} value={String(d)} label={t("tokenExpiryDays", { days: d })} />
            ))}
            <FormSelectOption value="custom" label={t("tokenExpiryCustom")} />
            {policy.allowNonExpiring && <FormSelectOption value="never" label={t("tokenExpiryNever")} />}
          </FormSelect>
          {expiry === "never" && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant="warning">{t("tokenExpiryNeverWarning")}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
        {expiry === "custom" && (
          <FormGroup label={t("tokenExpiryDate")} isRequired fieldId="token-expiry-date">
            <TextInput
              id="token-expiry-date"
              data-testid="token-expiry-date"
              type="date"
              min={minDate}
              max={maxDate}
              value={customDate}
              isRequired
              onChange={(_e, value) => setCustomDate(value)}
            />
          </FormGroup>
        )}
        {policy.roles.length > 1 && (
          <FormGroup label={t("tokenRole")} fieldId="token-role">
            <FormSelect id="token-role" data-testid="token-role" value={role} onChange={(_e, value) => setRole(value)}>
              {policy.roles.map((r) => (
                <FormSelectOption key={r} value={r} label={r} />
              ))}
            </FormSelect>
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t("tokenRoleHelp")}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
        )}
        <NetworksField id="token-networks" testId="token-networks" value={networks} onChange={setNetworks} />
      </Form>
    </Modal>
  );
};
