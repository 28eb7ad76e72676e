declare module "*.css";

// Set by main.tsx, called by the patched EditUser page (see user-details-tab-plugin.ts).
declare var __personalTokensUserDetailsTabs: typeof import("./UserDetailsTab").userDetailsTab | undefined;
