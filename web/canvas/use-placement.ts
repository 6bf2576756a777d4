import { useEffect, useMemo, useRef } from "react";
import { useStore } from "../state/store.ts";
import type { CanvasModel } from "./describe-graph.ts";
import { placeNodes, type Placement } from "../../src/index.ts";

type Point = Placement["positions"][string];

function samePositions(a: Readonly<Record<string, Point>>, b: Readonly<Record<string, Point>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    const p = a[key]!;
    const q = b[key];
    if (q === undefined || p.x !== q.x || p.y !== q.y) return false;
  }
  return true;
}

/**
 * Positions for the model: stored ones, plus layout for new nodes, written back to the store.
 * `revision` is the store revision the model was drawn from: a model behind the store's text
 * (for the frame until the analysis catches up) writes nothing back, or it would drop the
 * positions a load just brought for nodes only the newer text has.
 */
export function usePlacement(model: CanvasModel, revision: number): Placement {
  const stored = useStore((s) => s.positions);
  const pinned = useStore((s) => s.pinned);
  const setPositions = useStore((s) => s.setPositions);
  const last = useRef<Placement | null>(null);
  const placement = useMemo(() => {
    const next = placeNodes(model.layout, model.renames, stored, pinned);
    // The store echoing what was just written back moved nothing: keep the placement, and with
    // it everything derived from its positions (edge routing above all).
    const previous = last.current;
    return previous !== null && next.ran === "none" && samePositions(previous.positions, next.positions) ? previous : next;
  }, [model.layout, model.renames, stored, pinned]);
  useEffect(() => {
    last.current = placement;
    // Only a placement that moved or re-keyed something writes: the store then holds what is
    // drawn, and the next render finds every node placed.
    if (placement.ran !== "none" && revision === useStore.getState().revision) setPositions(placement.positions);
  }, [placement, setPositions, revision]);
  return placement;
}
