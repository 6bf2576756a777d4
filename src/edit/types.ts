/**
 * What an edit operation returns: the text edits that make the change (ranges into the text the
 * tree was parsed from, ready for `applyTextEdits` or one Monaco edit batch), or the reason it
 * cannot be done, written for the person who asked.
 */
import type { TextEdit } from "../syntax/types.ts";

export type EditResult =
  | {
      readonly edits: TextEdit[];
      /** Things the operation did not change but the user should know (a build argument that still names the old stage). */
      readonly notes?: readonly string[];
    }
  | { readonly error: string };

/** The templates `addStage` knows. */
export type StageTemplate = "empty" | "base" | "builder" | "pruner" | "final";

/** How one stage uses another (or an image). */
export type ConnectionKind = "copy" | "from" | "mount";
