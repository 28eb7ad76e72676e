import { FormGroup, FormHelperText, HelperText, HelperTextItem, TextArea } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

type Props = {
  id: string;
  /** The text area's data-testid, which each console's browser tests fill by name. */
  testId: string;
  value: string;
  onChange: (value: string) => void;
};

/**
 * "Allowed networks" of a new token (DESIGN.md §10.2): CIDRs or addresses, one per line or comma
 * separated; empty means anywhere. Send `parseNetworks(value)`.
 */
export const NetworksField = ({ id, testId, value, onChange }: Props) => {
  const { t } = useTranslation();
  return (
    <FormGroup label={t("pt_allowedNetworks")} fieldId={id}>
      <TextArea id={id} data-testid={testId} value={value} onChange={(_e, v) => onChange(v)} rows={2} autoResize
        resizeOrientation="vertical" placeholder="10.0.0.0/8, 2001:db8::/32" spellCheck={false}
        className="pf-v5-u-font-family-monospace" />
      <FormHelperText>
        <HelperText>
          <HelperTextItem>{t("pt_allowedNetworksHelp")}</HelperTextItem>
        </HelperText>
      </FormHelperText>
    </FormGroup>
  );
};
