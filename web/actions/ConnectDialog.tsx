import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from "react";
import type { ConnectionKind } from "../../src/index.ts";
import { analyze } from "../state/analysis.ts";
import { stageName } from "../state/node-keys.ts";
import { useStore } from "../state/store.ts";
import { connectNow, planConnection, possibleTargets, type ConnectPlan } from "./connect.ts";
import { DialogMessage, FormFooter, submitOnEnterInSelect, useAnchor } from "./CanvasOverlays.tsx";
import { useUi, type ConnectRequest } from "./ui-state.ts";

const KIND_LABELS: Record<ConnectionKind, string> = {
  copy: "copy files (COPY --from)",
  from: "build on it (FROM)",
  mount: "mount it in a RUN (--mount from=)",
};

/**
 * Asks how one node is to use another after a drag from a handle (or "Connect…" from the
 * keyboard): copy, from or mount, with paths prefilled from the source. Enter applies, Escape
 * cancels; a refusal shows in the dialog and changes nothing.
 */
export function ConnectDialog({ root }: { readonly root: RefObject<HTMLElement | null> }) {
  const request = useUi((s) => s.connecting);
  if (request === null) return null;
  return <ConnectForm key={`${request.source}->${request.target ?? ""}`} request={request} root={root} />;
}

function ConnectForm({ request, root }: { readonly request: ConnectRequest; readonly root: RefObject<HTMLElement | null> }) {
  const close = useUi((s) => s.setConnecting);
  const titleId = useId();
  const returnFocus = useRef<Element | null>(document.activeElement);
  const analysis = useMemo(() => {
    const s = useStore.getState();
    return analyze(s.text, s.target, s.buildArgs);
  }, []);
  const targets = useMemo(() => possibleTargets(analysis, request.source), [analysis, request.source]);
  const [targetId, setTargetId] = useState(request.target ?? targets[0]?.id ?? "");
  const plan = useMemo(() => (targetId === "" ? null : planConnection(analysis, request.source, targetId)), [analysis, request.source, targetId]);
  const self = useRef<HTMLDivElement>(null);
  const at = useAnchor(root, targetId === "" ? request.source : targetId, targetId, self);

  const finish = () => {
    close(null);
    const back = returnFocus.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      finish();
    }
  };
  const style = at === null ? undefined : { left: at.left, top: at.top, transform: "none" };
  return (
    <div ref={self} className="canvas-dialog connect-dialog nokey" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="connect-dialog" style={style} onKeyDown={onKeyDown}>
      {request.target === null && (
        <label className="connect-field">
          <span>Use it in stage</span>
          <select data-testid="connect-target" value={targetId} onChange={(event) => setTargetId(event.currentTarget.value)} autoFocus>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {stageName(t)}
              </option>
            ))}
          </select>
        </label>
      )}
      {targets.length === 0 || plan === null ? (
        <DialogMessage titleId={titleId} title="Nothing can use it" detail="A stage can only use stages above it, and none comes after this one." onClose={finish} />
      ) : "error" in plan ? (
        <DialogMessage titleId={titleId} title="Cannot connect" detail={plan.error} onClose={finish} />
      ) : (
        <PlanForm key={targetId} plan={plan} titleId={titleId} autoFocus={request.target !== null} onDone={finish} />
      )}
    </div>
  );
}

function PlanForm({ plan, titleId, autoFocus, onDone }: { readonly plan: ConnectPlan; readonly titleId: string; readonly autoFocus: boolean; readonly onDone: () => void }) {
  const [kind, setKind] = useState<ConnectionKind>("copy");
  const [sources, setSources] = useState(plan.sources[0] ?? "");
  const [dest, setDest] = useState(plan.dest);
  const [run, setRun] = useState<number | null>(plan.runs[0]?.index ?? null);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const kindSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (autoFocus) kindSelect.current?.focus();
  }, [autoFocus]);
  useEffect(() => setError(null), [kind, sources, dest, run]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const s = useStore.getState();
    const reason = connectNow(analyze(s.text, s.target, s.buildArgs), plan, { kind, sources, dest, run });
    if (reason === null) onDone();
    else setError(reason);
  };
  const mountDest = `/mnt/${plan.sourceLabel.replace(/[^A-Za-z0-9._-]+/g, "-")}`;
  const onKind = (next: ConnectionKind) => {
    setKind(next);
    // A mount goes somewhere of its own; a copy where the suggestion said.
    if (next === "mount" && dest === plan.dest) setDest(mountDest);
    if (next === "copy" && dest === mountDest) setDest(plan.dest);
  };

  return (
    <form onSubmit={submit} onKeyDown={submitOnEnterInSelect}>
      <p className="canvas-dialog__title" id={titleId}>
        {stageName(plan.target)} uses {plan.sourceLabel}
      </p>
      <label className="connect-field">
        <span>How</span>
        <select ref={kindSelect} data-testid="connect-kind" value={kind} onChange={(event) => onKind(event.currentTarget.value as ConnectionKind)}>
          {plan.kinds.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {kind !== "from" && (
        <label className="connect-field">
          <span>{kind === "copy" ? "Paths to copy (space-separated)" : "Path in the source (empty: all of it)"}</span>
          <input data-testid="connect-sources" value={sources} list={listId} spellCheck={false} onChange={(event) => setSources(event.currentTarget.value)} />
          <datalist id={listId}>
            {plan.sources.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </label>
      )}
      {kind !== "from" && (
        <label className="connect-field">
          <span>{kind === "copy" ? "Copy to" : "Mount at"}</span>
          <input data-testid="connect-dest" value={dest} spellCheck={false} onChange={(event) => setDest(event.currentTarget.value)} />
        </label>
      )}
      {kind === "mount" && (
        <label className="connect-field">
          <span>On the RUN line</span>
          <select data-testid="connect-run" value={run ?? ""} onChange={(event) => setRun(Number(event.currentTarget.value))}>
            {plan.runs.map((r) => (
              <option key={r.index} value={r.index}>
                L{r.line}: {r.text}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === "from" && <p className="canvas-dialog__detail">Stage {stageName(plan.target)} will be built on {plan.sourceLabel}: its FROM line changes.</p>}
      <FormFooter error={error} errorTestId="connect-error" onCancel={onDone} submitLabel="Connect" submitTestId="connect-apply" />
    </form>
  );
}
