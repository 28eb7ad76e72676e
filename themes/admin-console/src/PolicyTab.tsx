import { ActionGroup, Alert, Button, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, PageSection, TextArea } from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OwnerApi } from "./api";

export const PolicyTab = ({ api, canSave }: { api: OwnerApi; canSave: boolean }) => {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api.policy().then((p) => setText(JSON.stringify(p, null, 2))).catch((e) => setError(e.message));
  }, [api]);

  const save = async () => {
    setSaved(false);
    try {
      await api.savePolicy(text);
      setError(undefined);
      setSaved(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <PageSection>
      <Form onSubmit={(e) => e.preventDefault()}>
        {error && <Alert variant="danger" isInline title={error} data-testid="policy-error" />}
        {saved && <Alert variant="success" isInline title={t("pt_policySaved")} data-testid="policy-saved" />}
        <FormGroup label={t("pt_policyTab")} fieldId="policy-json">
          <TextArea id="policy-json" data-testid="policy-json" value={text} onChange={(_e, v) => setText(v)}
            rows={18} resizeOrientation="vertical" readOnlyVariant={canSave ? undefined : "default"}
            style={{ fontFamily: "var(--pf-v5-global--FontFamily--monospace)" }} />
          <FormHelperText><HelperText><HelperTextItem>{t("pt_policyHelp")}</HelperTextItem></HelperText></FormHelperText>
        </FormGroup>
        {canSave && (
          <ActionGroup>
            <Button data-testid="policy-save" onClick={save}>{t("pt_savePolicy")}</Button>
          </ActionGroup>
        )}
      </Form>
    </PageSection>
  );
};
