import {
  Alert,
  Button,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  InputGroup,
  InputGroupItem,
  Modal,
  ModalVariant,
  TextInput,
} from "@patternfly/react-core";
import { CheckIcon, CopyIcon } from "@patternfly/react-icons";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreatedToken } from "./token";

type Props = {
  title: string;
  created: CreatedToken;
  onClose: () => void;
  /** Put before every data-testid, so that each console's browser tests keep their own names. */
  testIdPrefix?: string;
};

/** The new token's secret with a copy button: the only time anyone sees it (DESIGN.md §7). */
export const ShowOnceSecretModal = ({ title, created, onClose, testIdPrefix = "" }: Props) => {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const secretInput = useRef<HTMLInputElement>(null);
  const testId = (name: string) => testIdPrefix + name;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
    } catch {
      // No clipboard API (plain http on a non-local host): copy the selected text instead.
      secretInput.current?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  };

  return (
    <Modal
      variant={ModalVariant.medium}
      isOpen
      title={title}
      onClose={onClose}
      data-testid={testId("secret-dialog")}
      id="personal-token-secret-dialog"
      actions={[
        <Button key="done" id="personal-token-secret-done" data-testid={testId("secret-done")} onClick={onClose}>
          {t("pt_done")}
        </Button>,
      ]}
    >
      <Alert variant="warning" isInline title={t("pt_secretWarning")} className="pf-v5-u-mb-md" data-testid={testId("secret-warning")} />
      <FormGroup label={t("pt_secretLabel", { name: created.name })} fieldId="personal-token-secret">
        <div data-testid={testId("token-secret")}>
          <InputGroup>
            <InputGroupItem isFill>
              <TextInput
                ref={secretInput}
                id="personal-token-secret"
                readOnlyVariant="default"
                value={created.token}
                onFocus={(e) => e.currentTarget.select()}
                className="pf-v5-u-font-family-monospace"
              />
            </InputGroupItem>
            <InputGroupItem>
              <Button
                variant="control"
                id="personal-token-copy"
                data-testid={testId("copy-token")}
                aria-label={t("pt_copyHint")}
                icon={copied ? <CheckIcon /> : <CopyIcon />}
                onClick={() => void copy()}
              >
                {copied ? t("pt_copied") : t("pt_copy")}
              </Button>
            </InputGroupItem>
          </InputGroup>
        </div>
        <FormHelperText>
          <HelperText>
            <HelperTextItem aria-live="polite" data-testid={testId("copy-status")}>
              {copied ? t("pt_copiedToClipboard") : t("pt_secretHelp")}
            </HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
    </Modal>
  );
};
