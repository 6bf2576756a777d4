import { CloseIcon, InfoIcon, WarningIcon } from "./icons.tsx";
import { useNotice } from "./notices.ts";

/** The last message (something that went wrong, or a question such as opening a share link), until dismissed. */
export function NoticeBanner() {
  const message = useNotice((s) => s.message);
  const tone = useNotice((s) => s.tone);
  const actions = useNotice((s) => s.actions);
  const dismiss = useNotice((s) => s.dismissNotice);
  if (message === null) return null;
  return (
    <div className={tone === "info" ? "notice info" : "notice"} role={tone === "info" ? "status" : "alert"} data-testid="notice">
      {tone === "info" ? <InfoIcon /> : <WarningIcon />}
      <p>{message}</p>
      {actions.map((action, i) => (
        <button
          key={action.label}
          type="button"
          className={i === 0 ? "button primary" : "button"}
          onClick={() => {
            dismiss();
            action.run();
          }}
        >
          {action.label}
        </button>
      ))}
      <button type="button" className="button icon-only quiet" aria-label="Dismiss" onClick={dismiss}>
        <CloseIcon />
      </button>
    </div>
  );
}
