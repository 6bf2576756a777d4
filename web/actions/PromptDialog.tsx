import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from "react";
import { FormFooter, submitOnEnterInSelect, useAnchor } from "./CanvasOverlays.tsx";
import { useUi, type PromptRequest } from "./ui-state.ts";

/**
 * A small form over the canvas for a change that needs words (a new base image, a name, a
 * template): Enter applies, Escape cancels, a refusal shows in the form and changes nothing.
 */
export function PromptDialog({ root }: { readonly root: RefObject<HTMLElement | null> }) {
  const prompt = useUi((s) => s.prompt);
  if (prompt === null) return null;
  return <PromptForm key={prompt.title} prompt={prompt} root={root} />;
}

function PromptForm({ prompt, root }: { readonly prompt: PromptRequest; readonly root: RefObject<HTMLElement | null> }) {
  const ask = useUi((s) => s.ask);
  const titleId = useId();
  const returnFocus = useRef<Element | null>(document.activeElement);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(prompt.fields.map((f) => [f.id, f.initial])));
  const [error, setError] = useState<string | null>(null);
  const self = useRef<HTMLDivElement>(null);
  const at = useAnchor(root, prompt.near, prompt, self);

  const finish = () => {
    ask(null);
    const back = returnFocus.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reason = prompt.onSubmit(values);
    if (reason === null) finish();
    else setError(reason);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      finish();
    }
  };
  const set = (id: string, value: string) => {
    setValues((v) => ({ ...v, [id]: value }));
    setError(null);
  };
  const style = at === null ? undefined : { left: at.left, top: at.top, transform: "none" };
  return (
    <div ref={self} className="canvas-dialog prompt-dialog nokey" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="prompt-dialog" style={style} onKeyDown={onKeyDown}>
      <form onSubmit={submit} onKeyDown={submitOnEnterInSelect}>
        <p className="canvas-dialog__title" id={titleId}>
          {prompt.title}
        </p>
        {prompt.fields.map((field, i) => (
          <label key={field.id} className="connect-field">
            <span>{field.label}</span>
            {field.kind === "text" ? (
              <input
                data-testid={`prompt-${field.id}`}
                value={values[field.id] ?? ""}
                placeholder={field.placeholder}
                spellCheck={false}
                autoFocus={i === 0}
                onFocus={(event) => event.currentTarget.select()}
                onChange={(event) => set(field.id, event.currentTarget.value)}
              />
            ) : (
              <select data-testid={`prompt-${field.id}`} value={values[field.id] ?? ""} autoFocus={i === 0} onChange={(event) => set(field.id, event.currentTarget.value)}>
                {field.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </label>
        ))}
        <FormFooter error={error} errorTestId="prompt-error" onCancel={finish} submitLabel={prompt.submitLabel} submitTestId="prompt-apply" />
      </form>
    </div>
  );
}
