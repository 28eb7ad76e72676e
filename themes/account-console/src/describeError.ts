import { ApiError } from "@pt/shared";

/** A message for a failed call: the server's description for 4xx answers, a fixed text otherwise. */
export function describeError(e: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!(e instanceof ApiError)) return t("tokenUnexpectedError", { error: String(e) });
  switch (e.status) {
    case 401:
      return e.needsFreshSignIn ? t("tokenStepUpFailed") : t("tokenSessionExpired");
    case 403:
      return e.message && e.message !== "Forbidden" ? e.message : t("tokenForbidden");
    case 400:
    case 404:
    case 409:
      return e.message || t("tokenUnexpectedError", { error: e.status });
    default:
      return t("tokenUnexpectedError", { error: e.message || e.status });
  }
}
