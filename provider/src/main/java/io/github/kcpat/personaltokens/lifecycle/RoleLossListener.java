package io.github.kcpat.personaltokens.lifecycle;

import io.github.kcpat.personaltokens.core.PersonalTokenService;
import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import java.util.Set;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Revokes tokens as soon as an admin change takes away their role, so access tokens already minted
 * from them die at once instead of at the next exchange. Role removal, group changes and composite
 * edits all arrive here as admin events; a change that names a user sweeps that user, any other
 * sweeps the realm. The exchange still checks the role itself, so changes that bypass the admin
 * API (LDAP sync, for example) are caught there.
 */
final class RoleLossListener implements EventListenerProvider {

    private static final Set<ResourceType> ROLE_CHANGES = Set.of(ResourceType.REALM_ROLE_MAPPING,
            ResourceType.CLIENT_ROLE_MAPPING, ResourceType.GROUP_MEMBERSHIP, ResourceType.REALM_ROLE,
            ResourceType.CLIENT_ROLE, ResourceType.GROUP);

    private final KeycloakSession session;
    private final PersonalTokensConfig config;

    RoleLossListener(KeycloakSession session, PersonalTokensConfig config) {
        this.session = session;
        this.config = config;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (!ROLE_CHANGES.contains(event.getResourceType())
                || (event.getOperationType() != OperationType.DELETE && event.getOperationType() != OperationType.UPDATE)) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        PersonalTokenService tokens = new PersonalTokenService(session, realm, config);
        String[] path = event.getResourcePath() == null ? new String[0] : event.getResourcePath().split("/");
        if (path.length >= 2 && path[0].equals("users")) {
            UserModel user = session.users().getUserById(realm, path[1]);
            if (user != null) {
                tokens.revokeDead(user);
            }
        } else {
            tokens.revokeDeadInRealm();
        }
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void close() {
    }
}
