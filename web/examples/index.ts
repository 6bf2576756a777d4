import goStatic from "./go-static.Dockerfile?raw";
import javaMaven from "./java-maven.Dockerfile?raw";
import nodePnpm from "./node-pnpm.Dockerfile?raw";
import pythonUv from "./python-uv.Dockerfile?raw";
import rust from "./rust.Dockerfile?raw";
import staticNginx from "./static-nginx.Dockerfile?raw";

/** One Dockerfile of the example gallery. */
export interface Example {
  /** The file name without `.Dockerfile`; stable, so it can go in a shared link. */
  readonly id: string;
  readonly title: string;
  /** One sentence: what the example teaches. */
  readonly description: string;
  /** The Dockerfile text, as in the file. */
  readonly text: string;
}

/**
 * The example gallery, the default first. Each one shows the multi-stage pattern of the
 * workshops (base → builder → pruner → final) in the form its ecosystem gives it.
 */
export const EXAMPLES: readonly Example[] = [
  {
    id: "node-pnpm",
    title: "Node.js with pnpm",
    description:
      "A native addon is compiled in the builder and dev dependencies are pruned, so the final image carries neither a compiler nor pnpm.",
    text: nodePnpm,
  },
  {
    id: "python-uv",
    title: "Python with uv",
    description:
      "uv builds one virtual environment, the pruner strips it to production dependencies, and the final image receives only that venv.",
    text: pythonUv,
  },
  {
    id: "go-static",
    title: "Go static binary",
    description:
      "The toolchain runs on the build platform and cross-compiles a static binary for each target into a distroless image with no shell.",
    text: goStatic,
  },
  {
    id: "rust",
    title: "Rust with cargo-chef",
    description:
      "cargo-chef compiles the dependencies in a layer of their own, so a source edit rebuilds only the crate itself.",
    text: rust,
  },
  {
    id: "java-maven",
    title: "Java with Maven and jlink",
    description:
      "Maven builds the jar with a cached repository and jlink prunes the JDK to a minimal runtime for a plain Debian image.",
    text: javaMaven,
  },
  {
    id: "static-nginx",
    title: "Static site on nginx",
    description:
      "Node builds the site and an unprivileged nginx serves the output, leaving Node, node_modules and the sources behind.",
    text: staticNginx,
  },
];
