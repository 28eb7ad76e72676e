import { Button, Modal, ModalVariant } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

type Props = {
  /** Names what goes: one token, or every token of a user. */
  title: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The confirm button's data-testid, which each console's browser tests already click by name. */
  confirmTestId: string;
};

/** Asks before a revocation, which cannot be undone and cuts off the access tokens issued from it. */
export const ConfirmRevokeModal = ({ title, onConfirm, onCancel, confirmTestId }: Props) => {
  const { t } = useTranslation();
  return (
    <Modal
      variant={ModalVariant.small}
      isOpen
      title={title}
      titleIconVariant="warning"
      onClose={onCancel}
      data-testid="revoke-dialog"
      actions={[
        <Button key="confirm" variant="danger" id="personal-token-confirm-revoke" data-testid={confirmTestId} onClick={onConfirm}>
          {t("pt_revoke")}
        </Button>,
        <Button key="cancel" variant="link" data-testid="cancel-revoke" onClick={onCancel}>
          {t("pt_cancel")}
        </Button>,
      ]}
    >
      {t("pt_revokeBody")}
    </Modal>
  );
};
