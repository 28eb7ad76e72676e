import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation";
import {
  Alert,
  Button,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Modal,
  ModalVariant,
  TextInput,
} from "@patternfly/react-core";
import { NetworksField, parseDays, parseNetworks, TOKEN_NAME_MAX_LENGTH, type CreatedToken } from "@pt/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OwnerApi } from "./api";
import { UserPicker } from "./UserPicker";

type Props = {
  api: OwnerApi;
  roles: string[];
  /** Assignment from a user's details page: to that user, no picker. */
  fixedUser?: UserRepresentation;
  /** The new token, for the tab to show its secret once. */
  onAssigned: (created: CreatedToken) => void;
  onClose: () => void;
};

export const AssignDialog = ({ api, roles, fixedUser, onAssigned, onClose }: Props) => {
  const { t } = useTranslation();
  const [user, setUser] = useState<UserRepresentation | undefined>(fixedUser);
  const [name, setName] = useState("");
  const [days, setDays] = useState("");
  const [role, setRole] = useState("");
  const [networks, setNetworks] = useState("");
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (!user?.id) {
      setError(t("pt_userSearch"));
      return;
    }
    const expiresInDays = parseDays(days);
    if (Number.isNaN(expiresInDays)) {
      setError(t("pt_expiresInDaysInvalid"));
      return;
    }
    const allowedNetworks = parseNetworks(networks);
    try {
      onAssigned(await api.assign({
        userId: user.id,
        name: name.trim(),
        ...(expiresInDays !== undefined ? { expiresInDays } : {}),
        ...(role ? { role } : {}),
        ...(allowedNetworks.length > 0 ? { allowedNetworks } : {}),
      }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Modal variant={ModalVariant.small} isOpen title={t("pt_assign")} onClose={onClose} data-testid="assign-dialog"
      actions={[
        <Button key="assign" data-testid="assign-submit" onClick={submit}>{t("pt_submit")}</Button>,
        <Button key="cancel" variant="link" onClick={onClose}>{t("pt_cancel")}</Button>,
      ]}>
      <Form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        {error && <Alert variant="danger" isInline title={error} data-testid="assign-error" />}
        <FormGroup label={t("pt_user")} isRequired fieldId="assign-user">
          {fixedUser ? (
            <TextInput id="assign-user" data-testid="assign-fixed-user" value={fixedUser.username ?? ""} readOnlyVariant="default" />
          ) : (
            <UserPicker onPick={setUser} onError={setError} />
          )}
        </FormGroup>
        <FormGroup label={t("pt_name")} isRequired fieldId="assign-name">
          <TextInput id="assign-name" data-testid="assign-name" value={name} maxLength={TOKEN_NAME_MAX_LENGTH} onChange={(_e, v) => setName(v)} />
        </FormGroup>
        <FormGroup label={t("pt_expiresInDays")} fieldId="assign-days">
          <TextInput id="assign-days" data-testid="assign-days" type="number" min={0} value={days} onChange={(_e, v) => setDays(v)} />
        </FormGroup>
        <FormGroup label={t("pt_role")} fieldId="assign-role">
          <FormSelect id="assign-role" data-testid="assign-role" value={role} onChange={(_e, v) => setRole(v)}>
            <FormSelectOption value="" label={t("pt_defaultRole")} />
            {roles.map((r) => <FormSelectOption key={r} value={r} label={r} />)}
          </FormSelect>
        </FormGroup>
        <NetworksField id="assign-networks" testId="assign-networks" value={networks} onChange={setNetworks} />
      </Form>
    </Modal>
  );
};
