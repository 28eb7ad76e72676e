import { MenuToggle, Select, SelectList, SelectOption } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

type Props = { roles: string[]; value: string; onChange: (role: string) => void };

/** The owner list's role filter: a menu toggle that sizes to its label, as the stock console's filters do. */
export const RoleFilter = ({ roles, value, onChange }: Props) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Select isOpen={open} selected={value} onOpenChange={setOpen}
      onSelect={(_e, selected) => { onChange(String(selected ?? "")); setOpen(false); }}
      toggle={(ref) => (
        <MenuToggle ref={ref} data-testid="role-filter" aria-label={t("pt_role")} isExpanded={open} onClick={() => setOpen(!open)}>
          {value ? t("pt_roleIs", { role: value }) : t("pt_anyRole")}
        </MenuToggle>
      )}>
      <SelectList>
        <SelectOption value="" data-testid="role-filter-any">{t("pt_anyRole")}</SelectOption>
        {roles.map((r) => <SelectOption key={r} value={r} data-testid="role-filter-option">{r}</SelectOption>)}
      </SelectList>
    </Select>
  );
};
