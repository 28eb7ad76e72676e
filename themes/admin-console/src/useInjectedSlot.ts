import { useEffect, useState } from "react";

/**
 * The stock console hard-codes its navigation. This finds a list item of theirs by a stable anchor
 * and adds an empty <li> of ours after it, for a React portal to fill. When a Keycloak upgrade
 * moves the anchor, the console logs it and the browser tests fail.
 */
export function useInjectedSlot(anchorSelector: string, marker: string) {
  const [slot, setSlot] = useState<HTMLLIElement>();

  useEffect(() => {
    let item: HTMLLIElement | undefined;
    const place = () => {
      const anchor = document.querySelector(anchorSelector)?.closest("li");
      if (!anchor || anchor.parentElement?.querySelector(`:scope > li[data-kcpat="${marker}"]`)) {
        return;
      }
      item = document.createElement("li");
      item.setAttribute("data-kcpat", marker);
      anchor.after(item);
      setSlot(item);
    };
    const observer = new MutationObserver(place);
    observer.observe(document.body, { childList: true, subtree: true });
    place();
    const check = window.setTimeout(() => {
      if (!document.querySelector(anchorSelector)) {
        console.error(`personal-tokens: anchor ${anchorSelector} not found; the console layout changed`);
      }
    }, 10000);
    return () => {
      observer.disconnect();
      window.clearTimeout(check);
      item?.remove();
      setSlot(undefined);
    };
  }, [anchorSelector, marker]);

  return slot;
}
