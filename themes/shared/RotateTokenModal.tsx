import { Alert, Button, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, Modal, ModalVariant, TextInput } from "@patternfly/react-core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { parseDays } from "./days";
import type { CreatedToken, Token } from "./token";

type Props = {
  token: Token;
  /** The policy's longest lifetime, named in the help text; the server enforces it either way. */
  maxExpiresInDays?: number;
  /** Whether 0 (never expires) may be asked for. */
  allowNonExpiring?: boolean;
  /** Calls the console's rotate endpoint; `undefined` keeps the lifetime the token had (DESIGN.md §9.3). */
  rotate: (expiresInDays: number | undefined) => Promise<CreatedToken>;
  /** Words a failed rotation the way the console words its other errors. */
  describeError: (e: unknown) => string;
  /** The new secret, for the console to show once in the same modal as at creation. */
  onRotated: (rotated: CreatedToken) => void;
  onCancel: () => void;
};

/** Asks before a rotation, which ends the current secret at once, with an optional new lifetime. */
export const RotateTokenModal = ({ token, maxExpiresInDays, allowNonExpiring, rotate, describeError, onRotated, onCancel }: Props) => {
  const { t } = useTranslation();
  const [days, setDays] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const expiresInDays = parseDays(days);
    if (Number.isNaN(expiresInDays)) {
      setError(t("pt_rotateDaysInvalid"));
      return;
    }
    setBusy(true);
    try {
      onRotated(await rotate(expiresInDays));
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };

  return (
    <Modal variant={ModalVariant.small} isOpen title={t("pt_rotateTitle", { name: token.name })} titleIconVariant="warning"
      onClose={onCancel} data-testid="rotate-dialog"
      actions={[
        <Button key="rotate" type="submit" form="rotate-token-form" data-testid="confirm-rotate" isLoading={busy} isDisabled={busy}>
          {t("pt_rotate")}
        </Button>,
        <Button key="cancel" variant="link" data-testid="cancel-rotate" onClick={onCancel}>{t("pt_cancel")}</Button>,
      ]}>
      <Form id="rotate-token-form" onSubmit={submit} noValidate>
        {error && <Alert variant="danger" isInline title={error} data-testid="rotate-error" aria-live="assertive" />}
        <p>{t("pt_rotateBody")}</p>
        <FormGroup label={t("pt_rotateDays")} fieldId="rotate-days">
          <TextInput id="rotate-days" data-testid="rotate-days" type="number" min={allowNonExpiring ? 0 : 1} max={maxExpiresInDays || undefined}
            inputMode="numeric" value={days} placeholder={t("pt_rotateDaysPlaceholder")} onChange={(_e, v) => setDays(v)} />
          <FormHelperText>
            <HelperText>
              <HelperTextItem>
                {maxExpiresInDays ? t("pt_rotateDaysHelpMax", { max: maxExpiresInDays }) : t("pt_rotateDaysHelp")}
                {allowNonExpiring ? ` ${t("pt_rotateDaysNever")}` : ""}
              </HelperTextItem>
            </HelperText>
          </FormHelperText>
        </FormGroup>
      </Form>
    </Modal>
  );
};
