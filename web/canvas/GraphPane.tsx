import "@xyflow/react/dist/style.css";
import "./canvas.css";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type EdgeMouseHandler,
  type FinalConnectionState,
  type FitViewOptions,
  type Node,
  type NodeChange,
  type NodeMouseHandler,
  type OnMoveEnd,
  type OnNodeDrag,
} from "@xyflow/react";
import { usePublishedAnalysis } from "../state/analysis.ts";
import { useStore, type Point } from "../state/store.ts";
import { CanvasActionsContext, type CanvasActions } from "./canvas-actions.ts";
import { describeGraph, type CanvasModel } from "./describe-graph.ts";
import { AnalysingSign } from "./AnalysingSign.tsx";
import { CanvasToast, ConfirmDialog } from "../actions/CanvasOverlays.tsx";
import { ConnectDialog } from "../actions/ConnectDialog.tsx";
import { NodeMenu } from "../actions/NodeMenu.tsx";
import { PromptDialog } from "../actions/PromptDialog.tsx";
import { useUi } from "../actions/ui-state.ts";
import "../actions/actions.css";
import { DrawnRevision } from "./DrawnRevision.tsx";
import { GraphEdge } from "./GraphEdge.tsx";
import { ImageNode } from "./ImageNode.tsx";
import { Legend } from "./Legend.tsx";
import { MinimapNode } from "./MinimapNode.tsx";
import { chooseInitialView, LEGIBLE_ZOOM, planEdges } from "../../src/index.ts";
import { StageNode } from "./StageNode.tsx";
import { toFlowEdges, toFlowNodes } from "./to-flow.ts";
import { usePlacement } from "./use-placement.ts";
import type { CanvasEdge, CanvasNode } from "./types.ts";

const nodeTypes = { stage: StageNode, image: ImageNode };
const edgeTypes = { graph: GraphEdge };
const MIN_ZOOM = 0.04;
/** Room at the bottom for the legend and the zoom buttons, which sit over the graph. */
const FIT_PADDING = { top: "24px", left: "24px", right: "24px", bottom: "88px" } as const;
const FIT_ROOM = { x: 48, y: 112 };
/** Keep in step with `.edge-tooltip` max-width in canvas.css. */
const TOOLTIP_WIDTH = 360;
/** Height of the legend and zoom buttons over the foot of the canvas, with a margin. */
const BOTTOM_OVERLAY = 96;
const FIT_OPTIONS: FitViewOptions = { padding: FIT_PADDING, maxZoom: 1.1, minZoom: MIN_ZOOM };
const FIT_ANIMATED: FitViewOptions = { ...FIT_OPTIONS, duration: 250 };
const MINIMAP_SIZE = { width: 168, height: 112 };
/** Beyond this many nodes, draw only those in view: typing in a huge file stays smooth. */
const VISIBLE_ONLY_FROM = 150;
/** Below this zoom the instruction lists are unreadable: stages show their names, large. */
const FAR_ZOOM = 0.5;

function classifyMinimapNode(node: Node): string {
  const data = node.data as { reachable?: boolean; isTarget?: boolean; valid?: boolean };
  if (node.type === "image") return data.valid === false ? "minimap-node minimap-node--invalid" : "minimap-node minimap-node--image";
  if (data.isTarget === true) return "minimap-node minimap-node--target";
  return data.reachable === false ? "minimap-node minimap-node--unreachable" : "minimap-node";
}

/**
 * Colours come from CSS (the class above). These are stable functions rather than the default
 * (undefined), which React Flow turns into a new function on every render of the minimap's node
 * list, so that every minimap node re-rendered whenever a node was added, removed or renamed.
 */
const noMinimapColor = () => "";

function GraphCanvas() {
  const {
    analysis: { graph, lint },
    revision,
  } = usePublishedAnalysis();
  const theme = useStore((s) => s.theme);
  const fitNonce = useStore((s) => s.fitNonce);
  const { fitView, viewportInitialized, getInternalNode, getViewport, setViewport } = useReactFlow();
  const root = useRef<HTMLDivElement>(null);
  const far = useFlowStore((s) => s.transform[2] < FAR_ZOOM);

  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const lastModel = useRef<CanvasModel | null>(null);
  const model = useMemo(() => describeGraph(graph, lastModel.current, expanded, lint.findings), [graph, expanded, lint]);
  const placement = usePlacement(model, revision);

  // Positions of nodes being dragged, until the drag ends and the store pins them.
  const [dragged, setDragged] = useState<Readonly<Record<string, Point>>>({});
  const positions = useMemo(
    () => (Object.keys(dragged).length === 0 ? placement.positions : { ...placement.positions, ...dragged }),
    [placement.positions, dragged],
  );
  const lastNodes = useRef<CanvasNode[]>([]);
  const lastEdges = useRef<CanvasEdge[]>([]);
  const nodes = useMemo(() => toFlowNodes(model, positions, lastNodes.current), [model, positions]);
  // Routing looks at every node for every edge: redone only when the layout, the edges or the positions change.
  const { layout, edges: specs } = model;
  const routing = useMemo(() => planEdges({ layout, edges: specs }, placement.positions), [layout, specs, placement.positions]);
  const edges = useMemo(
    () => toFlowEdges({ layout, edges: specs }, placement.positions, lastEdges.current, routing),
    [layout, specs, placement.positions, routing],
  );
  useEffect(() => {
    lastModel.current = model;
    lastNodes.current = nodes;
    lastEdges.current = edges;
  }, [model, nodes, edges]);

  /** Pans, if need be, so the node's bottom clears the legend at the foot of the canvas. */
  const keepInView = useCallback(
    (key: string) => {
      const node = getInternalNode(key);
      const box = root.current?.getBoundingClientRect();
      if (node === undefined || box === undefined) return;
      const { x, y, zoom } = getViewport();
      const top = node.internals.positionAbsolute.y * zoom + y;
      const bottom = top + (node.measured.height ?? 0) * zoom;
      const limit = box.height - BOTTOM_OVERLAY;
      if (bottom <= limit) return;
      // Up by what is hidden, but never so far that the node's top leaves the view.
      const shift = Math.min(bottom - limit, Math.max(0, top - 12));
      if (shift > 0) void setViewport({ x, y: y - shift, zoom }, { duration: 200 });
    },
    [getInternalNode, getViewport, setViewport],
  );

  // Handlers read the latest model through a ref, so they never change identity.
  const current = useRef(model);
  useEffect(() => {
    current.current = model;
  }, [model]);
  const actions = useMemo<CanvasActions>(
    () => ({
      activate: (key) => {
        const { select, revealRange } = useStore.getState();
        select(key);
        const range = current.current.ranges.get(key);
        if (range !== undefined) revealRange(range.start, range.end);
      },
      toggleExpanded: (key) => {
        setExpanded((keys) => {
          const next = new Set(keys);
          if (!next.delete(key)) next.add(key);
          return next;
        });
        // Once the node has its new size, bring its bottom (and the toggle) into view.
        requestAnimationFrame(() => requestAnimationFrame(() => keepInView(key)));
      },
    }),
    [keepInView],
  );

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const moves: Record<string, Point> = {};
    for (const change of changes) {
      if (change.type === "position" && change.dragging === true && change.position !== undefined) moves[change.id] = change.position;
    }
    if (Object.keys(moves).length > 0) setDragged((d) => ({ ...d, ...moves }));
  }, []);
  const onNodeDragStop = useCallback<OnNodeDrag<CanvasNode>>((_event, _node, moved) => {
    const { pinNode } = useStore.getState();
    for (const node of moved) pinNode(node.id, { x: Math.round(node.position.x), y: Math.round(node.position.y) });
    setDragged({});
  }, []);
  const onNodeClick = useCallback<NodeMouseHandler<CanvasNode>>(
    (_event, node) => {
      useUi.getState().selectEdge(null);
      actions.activate(node.id);
    },
    [actions],
  );

  // Connections: a drag from a node's handle to a stage asks how the stage uses it.
  const [connecting, setConnectingNow] = useState(false);
  const askHow = useCallback((source: string, target: string) => {
    if (source === target || !target.startsWith("stage:")) return;
    useUi.getState().setConnecting({ source, target });
  }, []);
  const onConnect = useCallback((connection: Connection) => askHow(connection.source, connection.target), [askHow]);
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      setConnectingNow(false);
      if (state.isValid === true || state.fromNode === null) return;
      // Dropped on a stage's body rather than on its handle: that stage is meant.
      const point = "changedTouches" in event ? event.changedTouches[0] : event;
      if (point === undefined) return;
      const under = document.elementFromPoint(point.clientX, point.clientY)?.closest(".react-flow__node");
      const target = under?.getAttribute("data-id");
      if (target !== null && target !== undefined) askHow(state.fromNode.id, target);
    },
    [askHow],
  );
  const onConnectStart = useCallback(() => setConnectingNow(true), []);
  const onNodeContextMenu = useCallback<NodeMouseHandler<CanvasNode>>((event, node) => {
    event.preventDefault();
    useUi.getState().selectEdge(null);
    useStore.getState().select(node.id);
    useUi.getState().openMenu({ node: node.id, kind: "node", x: event.clientX, y: event.clientY });
  }, []);
  const onEdgeContextMenu = useCallback<EdgeMouseHandler<CanvasEdge>>((event, edge) => {
    event.preventDefault();
    useStore.getState().select(null);
    useUi.getState().selectEdge(edge.id);
    useUi.getState().openMenu({ node: edge.id, kind: "edge", x: event.clientX, y: event.clientY });
  }, []);
  const onPaneClick = useCallback(() => useUi.getState().selectEdge(null), []);

  const [hovered, setHovered] = useState<{ id: string; x: number; y: number } | null>(null);
  const onEdgeMouseEnter = useCallback<EdgeMouseHandler<CanvasEdge>>((event, edge) => {
    useStore.getState().setHighlight(current.current.ranges.get(edge.id) ?? null);
    const box = root.current?.getBoundingClientRect();
    const x = event.clientX - (box?.left ?? 0);
    // Beside the pointer, on whichever side the canvas has room for the tooltip.
    const left = box !== undefined && x + TOOLTIP_WIDTH + 24 > box.width ? Math.max(8, x - TOOLTIP_WIDTH - 14) : x + 14;
    setHovered({ id: edge.id, x: left, y: event.clientY - (box?.top ?? 0) + 14 });
  }, []);
  const onEdgeMouseLeave = useCallback<EdgeMouseHandler<CanvasEdge>>(() => {
    useStore.getState().setHighlight(null);
    setHovered(null);
  }, []);
  const onEdgeClick = useCallback<EdgeMouseHandler<CanvasEdge>>((_event, edge) => {
    // Picked for Delete and its menu; the keyboard focus moves to the canvas so Delete reaches it.
    useStore.getState().select(null);
    useUi.getState().selectEdge(edge.id);
    root.current?.focus({ preventScroll: true });
    const range = current.current.ranges.get(edge.id);
    if (range !== undefined) useStore.getState().revealRange(range.start, range.end);
  }, []);
  // A highlight must not outlive its edge (the text changed under the pointer, the canvas unmounted).
  useEffect(() => () => useStore.getState().setHighlight(null), []);

  const fitted = useRef(fitNonce);
  useEffect(() => {
    if (fitted.current === fitNonce) return;
    fitted.current = fitNonce;
    void fitView(FIT_ANIMATED);
  }, [fitNonce, fitView]);

  // The first view of a picture: on mount and for each new picture (a load, a paste, an undo of
  // one) the view saved with it, else a fit; and a fit whenever all was laid out afresh.
  const pictureNonce = useStore((s) => s.pictureNonce);
  const shownFor = useRef<object | null>(null);
  const shownPicture = useRef<number | null>(null);
  useEffect(() => {
    if (!viewportInitialized || shownFor.current === placement) return;
    const newPicture = shownPicture.current !== pictureNonce;
    if (!newPicture && placement.ran !== "full") return;
    shownFor.current = placement;
    shownPicture.current = pictureNonce;
    const saved = useStore.getState().viewport;
    if (newPicture && saved !== null && placement.ran === "none") {
      void setViewport(saved);
      return;
    }
    const box = root.current?.getBoundingClientRect();
    const target = model.stages.find((s) => s.isTarget)?.key ?? model.stages[model.stages.length - 1]?.key ?? null;
    const view = chooseInitialView(model.layout, placement.positions, target, { width: box?.width ?? 0, height: box?.height ?? 0 }, FIT_ROOM);
    if (view.kind === "fit") void fitView(FIT_OPTIONS);
    else void fitView({ ...FIT_OPTIONS, nodes: view.nodes.map((id) => ({ id })), minZoom: LEGIBLE_ZOOM, maxZoom: 0.9 });
  }, [viewportInitialized, placement, model, fitView, setViewport, pictureNonce]);
  const onMoveEnd = useCallback<OnMoveEnd>((_event, viewport) => useStore.getState().setViewport(viewport), []);

  const hoveredEdge = hovered === null ? undefined : edges.find((e) => e.id === hovered.id)?.data;
  const empty = model.stages.length === 0;

  return (
    <div
      className={`graph-canvas${far ? " graph-canvas--far" : ""}${connecting ? " is-connecting" : ""}`}
      ref={root}
      data-testid="graph-canvas"
      tabIndex={-1}
    >
      <CanvasActionsContext.Provider value={actions}>
        <ReactFlow<CanvasNode, CanvasEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onNodeClick={onNodeClick}
          onEdgeMouseEnter={onEdgeMouseEnter}
          onEdgeMouseLeave={onEdgeMouseLeave}
          onEdgeClick={onEdgeClick}
          onEdgeContextMenu={onEdgeContextMenu}
          onNodeContextMenu={onNodeContextMenu}
          onPaneClick={onPaneClick}
          onConnect={onConnect}
          onConnectStart={onConnectStart}
          onConnectEnd={onConnectEnd}
          connectionRadius={28}
          onMoveEnd={onMoveEnd}
          colorMode={theme}
          minZoom={MIN_ZOOM}
          maxZoom={2}
          // Keys typed in the editor belong to the editor: no canvas shortcut listens on the page.
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          panActivationKeyCode={null}
          zoomActivationKeyCode={null}
          disableKeyboardA11y
          nodesFocusable={false}
          edgesFocusable={false}
          nodesConnectable
          elementsSelectable={false}
          selectNodesOnDrag={false}
          zoomOnDoubleClick={false}
          onlyRenderVisibleElements={nodes.length > VISIBLE_ONLY_FROM}
          aria-label="Stage graph"
        >
          <DrawnRevision root={root} nodes={nodes} edges={edges} revision={revision} />
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.4} />
          <Controls showFitView={false} showInteractive={false} position="bottom-left" />
          <Panel position="bottom-left" className="canvas-legend-panel">
            <Legend />
          </Panel>
          {!empty && (
            <MiniMap
              pannable
              zoomable
              nodeClassName={classifyMinimapNode}
              nodeColor={noMinimapColor}
              nodeStrokeColor={noMinimapColor}
              nodeComponent={MinimapNode}
              nodeBorderRadius={6}
              ariaLabel="Overview of the graph"
              style={MINIMAP_SIZE}
            />
          )}
        </ReactFlow>
      </CanvasActionsContext.Provider>
      <AnalysingSign />
      <CanvasToast root={root} />
      <ConfirmDialog root={root} />
      <ConnectDialog root={root} />
      <PromptDialog root={root} />
      <NodeMenu root={root} />
      {empty && (
        <div className="canvas-empty" role="status">
          <p className="canvas-empty__title">No stages yet: add a FROM line</p>
          <p className="canvas-empty__hint">
            For example <code>FROM node:22 AS build</code>
          </p>
        </div>
      )}
      {hoveredEdge !== undefined && hovered !== null && (
        <div className={`edge-tooltip${hoveredEdge.valid ? "" : " edge-tooltip--invalid"}`} role="tooltip" style={{ left: hovered.x, top: hovered.y }}>
          <p>{hoveredEdge.title}</p>
          {hoveredEdge.reason !== null && <p className="edge-tooltip__reason">{hoveredEdge.reason}</p>}
        </div>
      )}
    </div>
  );
}

/**
 * The live stage graph: stages and external images as nodes, `from`/`copy`/`mount` edges, laid
 * out top to bottom and kept in place while the text changes. Clicking a stage selects its lines
 * in the editor; hovering an edge highlights its instruction.
 */
export function GraphPane() {
  return (
    <ReactFlowProvider>
      <GraphCanvas />
    </ReactFlowProvider>
  );
}
