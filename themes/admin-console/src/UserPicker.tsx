import { useAdminClient } from "@keycloak/keycloak-admin-ui";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation";
import { Menu, MenuContent, MenuItem, MenuList, SearchInput } from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  onPick: (user: UserRepresentation | undefined) => void;
  onError: (message: string) => void;
};

/** Type-ahead over the realm's users, through the admin API the console already uses. */
export const UserPicker = ({ onPick, onError }: Props) => {
  const { t } = useTranslation();
  const { adminClient } = useAdminClient();
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<string>();
  const [matches, setMatches] = useState<UserRepresentation[]>([]);

  useEffect(() => {
    if (!query.trim() || picked === query) {
      setMatches([]);
      return;
    }
    // Wait for a pause in typing rather than search on every key.
    const timer = window.setTimeout(() => {
      adminClient.users.find({ search: query.trim(), max: 20, briefRepresentation: true })
        .then(setMatches).catch((e) => onError((e as Error).message));
    }, 250);
    return () => window.clearTimeout(timer);
  }, [query, picked, adminClient, onError]);

  const type = (value: string) => {
    setQuery(value);
    setPicked(undefined);
    onPick(undefined);
  };

  return (
    <>
      <SearchInput id="assign-user" data-testid="assign-user" placeholder={t("pt_userSearch")} aria-label={t("pt_user")}
        value={query} onChange={(_e, v) => type(v)} onClear={() => type("")} />
      {matches.length > 0 && (
        <Menu isScrollable data-testid="assign-user-matches">
          <MenuContent>
            <MenuList>
              {matches.map((m) => (
                <MenuItem key={m.id} itemId={m.id} data-testid="assign-user-option"
                  onClick={() => { setPicked(m.username); setQuery(m.username ?? ""); setMatches([]); onPick(m); }}>
                  {m.username}{m.email ? ` (${m.email})` : ""}
                </MenuItem>
              ))}
            </MenuList>
          </MenuContent>
        </Menu>
      )}
    </>
  );
};
