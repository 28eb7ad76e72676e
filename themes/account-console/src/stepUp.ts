import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { ApiError, type CreatedToken } from "@pt/shared";
import { useCallback, useEffect, useRef } from "react";
import { createToken, rotateToken, type Context } from "./api";
import { savePending, takePending, type PendingAction, type PendingContext } from "./pendingAction";

/**
 * Sign-ins one action may cost: the first asks for `max_age`, which is what RFC 9470 prescribes;
 * should the server still find the sign-in too old, the second insists with `prompt=login`.
 */
const MAX_SIGN_INS = 2;

export type RunAction = (action: PendingAction, signIns?: number) => Promise<CreatedToken>;

const perform = (context: Context, action: PendingAction) =>
  action.kind === "create" ? createToken(context, action.body) : rotateToken(context, action.tokenId, action.expiresInDays);

const whoIs = ({ environment, keycloak }: Context): PendingContext => ({ realm: environment.realm, userId: keycloak.subject ?? "" });

/**
 * Runs a create or rotate (DESIGN.md §9.4). When the server answers that the sign-in is too old,
 * the action is kept in sessionStorage and the user is sent through a fresh login; the promise
 * then never settles, as the page is leaving. `useResumeAfterSignIn` retries it on return.
 */
export function useStepUpAction(): RunAction {
  const context = useEnvironment<AccountEnvironment>();
  return useCallback(async (action: PendingAction, signIns = 0) => {
    try {
      return await perform(context, action);
    } catch (e) {
      if (!(e instanceof ApiError) || !e.needsFreshSignIn || signIns >= MAX_SIGN_INS) {
        throw e;
      }
      savePending(sessionStorage, whoIs(context), action, signIns + 1, Date.now());
      // keycloak-js drops a max_age of 0, so "no usable max_age" insists with prompt=login.
      const insist = signIns > 0 || !e.maxAge;
      await context.keycloak.login({ ...(e.maxAge ? { maxAge: e.maxAge } : {}), ...(insist ? { prompt: "login" as const } : {}) });
      return new Promise<CreatedToken>(() => {});
    }
  }, [context]);
}

/** On the page's first render after the login: retries the action the step-up interrupted, if any. */
export function useResumeAfterSignIn(
  run: RunAction,
  onDone: (created: CreatedToken, action: PendingAction) => void,
  onError: (e: unknown, action: PendingAction) => void,
) {
  const context = useEnvironment<AccountEnvironment>();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const pending = takePending(sessionStorage, whoIs(context), Date.now());
    if (pending) {
      run(pending.action, pending.signIns).then((created) => onDone(created, pending.action), (e) => onError(e, pending.action));
    }
  }, [context, run, onDone, onError]);
}
