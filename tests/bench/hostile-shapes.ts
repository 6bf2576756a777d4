/**
 * Hostile Dockerfile shapes: each grows one thing a real file has a little of (ARGs that double,
 * flags, heredocs, stages, edges, line length, nesting) to sizes no real file reaches. The growth
 * benchmark (`growth.bench.ts`) times them at 1×, 2×, 4× and 8×; the fuzz test
 * (`tests/unit/hostile-shapes.test.ts`) parses small, mutated ones. Every generator is pure.
 */

export interface HostileShape {
  readonly name: string;
  /** What one unit of size is, for the report. */
  readonly unit: string;
  /** The size the benchmark calls 1×. */
  readonly base: number;
  readonly generate: (size: number) => string;
}

/** Every `chain` lines the doubling starts again, so each chain hits the expansion limit once. */
const DOUBLING_CHAIN = 24;

export const hostileShapes: readonly HostileShape[] = [
  {
    name: "doubling ARGs",
    unit: "ARG lines, each doubling the last (chains of 24)",
    base: 48,
    generate: (size) => {
      const lines: string[] = [];
      for (let i = 0; i < size; i++) {
        lines.push(i % DOUBLING_CHAIN === 0 ? `ARG V${i}=ab` : `ARG V${i}=\${V${i - 1}}\${V${i - 1}}`);
      }
      return `${lines.join("\n")}\nFROM alpine:\${V${Math.min(size - 1, 12)}} AS app\nRUN echo $V1\n`;
    },
  },
  {
    name: "many flags",
    unit: "--mount flags on one RUN",
    base: 2_500,
    generate: (size) => {
      const flags = Array.from({ length: size }, (_, i) => `  --mount=type=cache,target=/cache/${i},id=c${i} \\`);
      return `FROM alpine AS deps\nFROM alpine\nRUN --mount=from=deps,target=/d \\\n${flags.join("\n")}\n  make\n`;
    },
  },
  {
    name: "many heredocs",
    unit: "RUN heredocs",
    base: 500,
    generate: (size) => {
      const parts = Array.from({ length: size }, (_, i) => `RUN <<EOF${i} bash\necho ${i} "$HOME"\nset -e\nEOF${i}`);
      return `FROM alpine\n${parts.join("\n")}\n`;
    },
  },
  {
    name: "many stages",
    unit: "stages, each FROM and COPY --from the one before",
    base: 250,
    generate: (size) => {
      const parts = ["FROM alpine AS s0"];
      for (let i = 1; i < size; i++) parts.push(`FROM s${i - 1} AS s${i}\nCOPY --from=s${Math.floor(i / 2)} /out /in${i}\nRUN make ${i}`);
      return `${parts.join("\n")}\n`;
    },
  },
  {
    name: "many edges",
    unit: "COPY --from lines between two stages",
    base: 1_250,
    generate: (size) => {
      const copies = Array.from({ length: size }, (_, i) => `COPY --from=build /src/file-${i}.txt /dst/${i}/`);
      return `FROM alpine AS build\nRUN make\nFROM scratch\n${copies.join("\n")}\n`;
    },
  },
  {
    name: "long lines",
    unit: "KB in one RUN line",
    base: 64,
    generate: (size) => {
      const word = "abcdefghijklmnopqrstuvwxyz$HOME/012345678 ";
      return `FROM alpine\nRUN echo ${word.repeat(Math.ceil((size * 1024) / word.length))}\n`;
    },
  },
  {
    name: "deep nesting",
    unit: "levels of ${a:-…} in one ARG, and continuation lines",
    base: 100,
    generate: (size) => {
      const nested = `${"${A:-".repeat(size)}x${"}".repeat(size)}`;
      const continued = Array.from({ length: size * 10 }, (_, i) => `  && step${i} \\`).join("\n");
      return `ARG D=${nested}\nFROM alpine:$D\nRUN true \\\n${continued}\n  && done\n`;
    },
  },
];
