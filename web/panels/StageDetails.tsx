import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { removeEdgeAt } from "../actions/edge.ts";
import { moveInstructionTo, neighbourPlace } from "../actions/structure.ts";
import { showInvisibles } from "../../src/index.ts";
import type { GraphStage, StageGraph } from "../../src/index.ts";
import { stageName } from "../state/analysis.ts";
import { useStore } from "../state/store.ts";
import {
  describeBase,
  describePaths,
  describeStep,
  explainReachability,
  findStageLines,
  formatLines,
  instructionSelection,
  listInputs,
  listUsers,
  summarizeInstruction,
  type FlowItem,
} from "./describe.ts";
import { NodeLink, SourceLink } from "./links.tsx";

/** Instructions shown before "Show all": enough for most stages, short enough to see what follows. */
const FIRST_INSTRUCTIONS = 10;

interface StageDetailsProps {
  readonly graph: StageGraph;
  readonly stage: GraphStage;
  readonly source: string;
}

/** Everything about one stage: what it is built on, whether it is built and why, its instructions, its files in and out. */
export function StageDetails({ graph, stage, source }: StageDetailsProps) {
  const userTarget = useStore((s) => s.target);
  const key = stageName(stage);
  const base = describeBase(graph, stage);
  const rawBase = stage.stage.from.image?.value ?? "";
  const lines = findStageLines(stage);
  const fromRange = instructionSelection(source, stage.stage.from.node);
  const lastNode = (stage.stage.instructions.at(-1) ?? stage.stage.from).node;
  const wholeRange = { start: fromRange.start, end: instructionSelection(source, lastNode).end };
  const reach = explainReachability(graph, stage.index, userTarget);
  const inputs = listInputs(graph, stage.index);
  const users = listUsers(graph, { kind: "stage", index: stage.index });

  return (
    <section className="panel-section" aria-labelledby="details-title">
      <div className="details-head">
        <p className="kicker">Stage {stage.index}</p>
        <h2 id="details-title" className="details-title">
          {showInvisibles(key)}
        </h2>
        <div className="badges">
          <span className="badge role" data-role={stage.role} title={stage.roleReason}>
            {stage.role}
          </span>
          {reach.kind === "target" && <span className="badge accent">{reach.isDefault ? "default target" : "target"}</span>}
          {stage.reachable ? <span className="badge ok">built</span> : <span className="badge muted">not built</span>}
        </div>
      </div>

      <dl className="facts">
        <dt>Base</dt>
        <dd>
          {base.key === null ? showInvisibles(base.text) : <NodeLink nodeKey={base.key} graph={graph} source={source} />}
          {rawBase !== "" && rawBase !== base.text && <span className="as-written"> written <code>{showInvisibles(rawBase)}</code></span>}
        </dd>
        <dt>Platform</dt>
        <dd>{stage.platform ?? <span className="muted">the target platform</span>}</dd>
        <dt>Lines</dt>
        <dd>
          <SourceLink range={wholeRange} title="Select the stage in the editor">
            {formatLines(lines)}
          </SourceLink>
        </dd>
        <dt>Built?</dt>
        <dd>
          <Reason reach={reach} />
        </dd>
      </dl>

      <InstructionList graph={graph} stage={stage} source={source} />

      <h3 className="sub-heading">Takes files from</h3>
      {inputs.length === 0 ? (
        <p className="empty">Nothing: no COPY --from or RUN --mount from= in this stage.</p>
      ) : (
        <FlowList items={inputs} graph={graph} source={source} direction="in" />
      )}

      <h3 className="sub-heading">Used by</h3>
      {users.length === 0 ? (
        <p className="empty">No stage builds on it or copies from it.</p>
      ) : (
        <FlowList items={users} graph={graph} source={source} direction="out" />
      )}
    </section>
  );
}

function Reason({ reach }: { readonly reach: ReturnType<typeof explainReachability> }) {
  switch (reach.kind) {
    case "target":
      return <>{reach.isDefault ? "Yes: it is the last stage, which BuildKit builds by default." : "Yes: it is the chosen target."}</>;
    case "needed":
      return (
        <>
          Yes, the target needs it:
          <ul className="need-path">
            {reach.path.map((step, i) => (
              <li key={i}>{showInvisibles(describeStep(step))}</li>
            ))}
          </ul>
        </>
      );
    case "unneeded":
      return <>No: the target {showInvisibles(reach.target)} neither builds on it nor copies from it, so BuildKit skips it.</>;
    case "no-target":
      return <>No: there is no target to build.</>;
  }
}

function InstructionList({ graph, stage, source }: { readonly graph: StageGraph; readonly stage: GraphStage; readonly source: string }) {
  const [showAll, setShowAll] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const nodes = [stage.stage.from.node, ...stage.stage.instructions.map((i) => i.node)];
  const shown = showAll ? nodes : nodes.slice(0, FIRST_INSTRUCTIONS);
  // After a move, the focus follows the line to its new place (in this stage or the one it entered).
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    list.current?.querySelectorAll<HTMLButtonElement>("li > button")[focusRow.current]?.focus();
    focusRow.current = null;
  }, [stage]);
  const onKeyDown = (event: KeyboardEvent, row: number) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown") || row === 0) return;
    event.preventDefault();
    const counts = graph.stages.map((s) => s.stage.instructions.length);
    const step = neighbourPlace(counts, { stage: stage.index, index: row - 1 }, event.key === "ArrowUp");
    if (step === null) return;
    const reason = moveInstructionTo({ stage: stage.index, index: row - 1 }, step.to);
    setRefusal(reason);
    if (reason === null) {
      focusRow.current = step.lands.index + 1;
      if (step.lands.index + 1 >= FIRST_INSTRUCTIONS) setShowAll(true);
    }
  };
  return (
    <>
      <h3 className="sub-heading">
        Instructions <span className="count">{nodes.length}</span>
      </h3>
      <ol className="instruction-list" ref={list} aria-describedby="instruction-list-hint">
        {shown.map((node, row) => {
          const { text, full } = summarizeInstruction(node);
          const rest = text.slice(node.keyword.length);
          return (
            <li key={node.range.start} onKeyDown={(event) => onKeyDown(event, row)}>
              <SourceLink range={instructionSelection(source, node)} title={showInvisibles(full)}>
                <span className="instruction-line">{node.startLine}</span>
                <code className="instruction-text">
                  <span className="instruction-keyword">{node.name}</span>
                  {showInvisibles(rest)}
                </code>
              </SourceLink>
            </li>
          );
        })}
      </ol>
      {nodes.length > FIRST_INSTRUCTIONS && (
        <button type="button" className="link more" onClick={() => setShowAll(!showAll)}>
          {showAll ? "Show fewer" : `Show all ${nodes.length}`}
        </button>
      )}
      <p className="hint" id="instruction-list-hint">
        Alt+↑ / Alt+↓ on a line moves it (into the stage above or below at the ends); on the canvas, drag a line onto another stage.
      </p>
      {refusal !== null && (
        <p className="panel-refusal" role="alert" data-testid="instruction-refusal">
          {refusal}
        </p>
      )}
    </>
  );
}

const VERB = { from: "FROM", copy: "COPY", mount: "mount" } as const;

/** Edges into or out of a node, each with the other node, the paths, and the line that makes it. */
export function FlowList({
  items,
  graph,
  source,
  direction,
}: {
  readonly items: readonly FlowItem[];
  readonly graph: StageGraph;
  readonly source: string;
  readonly direction: "in" | "out";
}) {
  return (
    <ul className="flow-list">
      {items.map((item, i) => {
        const paths = describePaths(item);
        return (
          <li key={i} className={item.valid ? "flow" : "flow invalid"}>
            <span className={`edge-kind ${item.kind}`}>{VERB[item.kind]}</span>
            <span className="flow-main">
              <span className="flow-node">
                {direction === "in" ? "from " : "by "}
                <NodeLink nodeKey={item.other} graph={graph} source={source} />
                {item.onbuild && <span className="badge muted">ONBUILD</span>}
                {!item.valid && <span className="badge danger">fails</span>}
              </span>
              {paths !== "" && (
                <code className="flow-paths" title={showInvisibles(paths)}>
                  {showInvisibles(paths)}
                </code>
              )}
            </span>
            <SourceLink range={item.range} title="Show this line in the editor">
              line {item.line}
            </SourceLink>
            {direction === "in" && item.kind !== "from" && !item.onbuild && (
              <button
                type="button"
                className="button icon-only quiet flow-remove"
                aria-label={`Remove the ${VERB[item.kind]} on line ${item.line}`}
                title={item.kind === "copy" ? "Remove this COPY line" : "Remove this mount"}
                data-testid="flow-remove"
                onClick={() => removeEdgeAt(item.kind as "copy" | "mount", item.range.start)}
              >
                ×
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
