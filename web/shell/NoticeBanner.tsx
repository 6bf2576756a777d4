import { CloseIcon, WarningIcon } from "./icons.tsx";
import { useNotice } from "./notices.ts";

/** The message of the last thing that went wrong while loading, until the user dismisses it. */
export function NoticeBanner() {
  const message = useNotice((s) => s.message);
  const dismiss = useNotice((s) => s.dismissNotice);
  if (message === null) return null;
  return (
    <div className="notice" role="alert">
      <WarningIcon />
      <p>{message}</p>
      <button type="button" className="button icon-only quiet" aria-label="Dismiss" onClick={dismiss}>
        <CloseIcon />
      </button>
    </div>
  );
}
