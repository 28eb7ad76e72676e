package io.github.kcpat.personaltokens.admin;

import io.github.kcpat.personaltokens.web.ApiError;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * The owner API's authorization, on Keycloak's admin permissions (fine-grained permissions v2
 * apply per user). It asks the {@code can*} questions and answers a no itself, so that a 403 has
 * the API's error body and is never cached, like every other answer of ours.
 */
final class OwnerPermissions {

    private final AdminPermissionEvaluator auth;

    OwnerPermissions(AdminPermissionEvaluator auth) {
        this.auth = auth;
    }

    void requireQuery() {
        require(auth.users().canQuery(), "query-users is required");
    }

    void requireView(UserModel user) {
        require(auth.users().canView(user), "you may not view this user");
    }

    void requireManage(UserModel user) {
        require(auth.users().canManage(user), "you may not manage this user");
    }

    boolean canView(UserModel user) {
        return auth.users().canView(user);
    }

    /** Realm-wide view of users, without per-user fine-grained checks. */
    boolean canViewEveryUser() {
        return auth.users().canView();
    }

    void requireViewPolicy() {
        require(auth.realm().canViewRealm() || auth.users().canView(), "view-realm or view-users is required");
    }

    void requireManageRealm() {
        require(auth.realm().canManageRealm(), "manage-realm is required");
    }

    UserModel admin() {
        return auth.adminAuth().getUser();
    }

    private static void require(boolean allowed, String description) {
        if (!allowed) {
            throw ApiError.forbidden(description);
        }
    }
}
