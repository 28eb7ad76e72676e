/**
 * The global through which the patched stock EditUser page asks for our tab (see
 * user-details-tab-plugin.ts). The build patch and main.tsx both take the name from here, so they
 * cannot drift apart.
 */
export const USER_DETAILS_TABS_HOOK = "__personalTokensUserDetailsTabs";
