import { useEffect, useMemo } from "react";
import { useStore } from "../state/store.ts";
import type { CanvasModel } from "./describe-graph.ts";
import { placeNodes, type Placement } from "../../src/index.ts";

/** Positions for the model: stored ones, plus layout for new nodes, written back to the store. */
export function usePlacement(model: CanvasModel): Placement {
  const stored = useStore((s) => s.positions);
  const pinned = useStore((s) => s.pinned);
  const setPositions = useStore((s) => s.setPositions);
  const placement = useMemo(() => placeNodes(model.layout, model.renames, stored, pinned), [model.layout, model.renames, stored, pinned]);
  useEffect(() => {
    // Only a layout that ran writes: the store then holds what is drawn, and the next render finds every node placed.
    if (placement.ran !== "none") setPositions(placement.positions);
  }, [placement, setPositions]);
  return placement;
}
