/** moveInstruction: the line moves whole, bytes and line endings kept, uses never point forward. */
import { describe, expect, it } from "vitest";
import { moveInstruction } from "./move-instruction.ts";
import { applyResult, edgeLines, errorOf, graphOf, treeOf } from "./test-helpers.ts";

const text = [
  "FROM golang:1.22 AS build",
  "ARG VERSION=dev",
  "WORKDIR /src",
  "# Build with the version baked in.",
  "RUN go build \\",
  "    -ldflags=-X=main.v=$VERSION \\",
  "    -o /out/app",
  "COPY <<EOF /etc/motd",
  "FROM is text inside a heredoc",
  "EOF",
  "",
  "from alpine as final",
  "copy --from=build /out/app /app",
  "user app",
  "",
].join("\n");

const move = (source: string, from: [number, number], to: [number, number]) =>
  moveInstruction(treeOf(source), { stage: from[0], index: from[1] }, { stage: to[0], index: to[1] });

describe("moveInstruction", () => {
  it("moves an instruction with its comment block and continuation lines, keeping its bytes", () => {
    const result = move(text, [0, 2], [0, 0]);
    expect(applyResult(text, result)).toBe(
      text.replace("ARG VERSION=dev\nWORKDIR /src\n# Build with the version baked in.\nRUN go build \\\n    -ldflags=-X=main.v=$VERSION \\\n    -o /out/app\n", "# Build with the version baked in.\nRUN go build \\\n    -ldflags=-X=main.v=$VERSION \\\n    -o /out/app\nARG VERSION=dev\nWORKDIR /src\n"),
    );
    expect(result).toEqual({ edits: expect.any(Array), notes: ["RUN on line 5 uses $VERSION, which ARG declares in stage build but not above its new place in stage build: add ARG VERSION there, or it is empty."] });
  });

  it("moves a heredoc instruction into another stage, at its end, in the file's lowercase around it", () => {
    const after = applyResult(text, move(text, [0, 3], [1, 2]));
    expect(after).toBe(text.replace("COPY <<EOF /etc/motd\nFROM is text inside a heredoc\nEOF\n", "").replace("user app\n", "user app\nCOPY <<EOF /etc/motd\nFROM is text inside a heredoc\nEOF\n"));
    expect(graphOf(after).stages.map((s) => s.stage.instructions.length)).toEqual([3, 3]);
  });

  it("moves a COPY --from to a later stage, and its edge follows", () => {
    const three = text + "\nFROM scratch AS out\n";
    const after = applyResult(three, move(three, [1, 0], [2, 0]));
    expect(after).toBe(three.replace("copy --from=build /out/app /app\n", "").replace("FROM scratch AS out\n", "FROM scratch AS out\ncopy --from=build /out/app /app\n"));
    expect(edgeLines(graphOf(after))).toEqual(["from golang:1.22 -> build", "from alpine -> final", "copy build -> out"]);
  });

  it("refuses to move a use of a stage into that stage or above it", () => {
    expect(errorOf(move(text, [1, 0], [0, 1]))).toBe("COPY --from=build would then be in stage build itself, and a stage cannot use itself.");
    const three = "FROM alpine AS a\nRUN true\n\nFROM alpine AS b\nRUN --mount=type=bind,from=c,target=/c true\n\nFROM alpine AS c\nRUN --mount=type=bind,from=a,target=/a true\n";
    expect(errorOf(move(three, [2, 0], [0, 0]))).toBe("RUN --mount from=a would then be in stage a itself, and a stage cannot use itself.");
    const back = "FROM alpine AS a\nFROM alpine AS b\nRUN echo\nFROM alpine AS c\nCOPY --from=b /x /x\n";
    expect(errorOf(move(back, [2, 0], [0, 0]))).toBe("COPY --from=b uses stage b, which comes after stage a: move that stage up first, or this line further down.");
  });

  it("refuses FROM and places that do not exist, and does nothing for a move onto itself", () => {
    expect(errorOf(move(text, [1, 5], [0, 0]))).toBe("Stage final has 2 instructions after FROM (#0 to #1), not #5; FROM itself cannot be moved.");
    expect(errorOf(move("FROM a\nFROM b\nRUN x\n", [0, 0], [1, 0]))).toBe("Stage #0 has only its FROM line, and FROM cannot be moved.");
    expect(errorOf(move(text, [0, 0], [1, 3]))).toBe("An instruction can go at #0 to #2 of stage final (after its FROM), not #3.");
    expect(move(text, [0, 1], [0, 1])).toEqual({ edits: [] });
    expect(move(text, [0, 1], [0, 2])).toEqual({ edits: [] });
  });

  it("keeps CRLF line endings and a missing final newline", () => {
    const crlf = "FROM alpine AS a\r\nRUN one\r\nRUN two\r\n\r\nFROM alpine AS b\r\nRUN three";
    expect(applyResult(crlf, move(crlf, [1, 0], [0, 0]))).toBe("FROM alpine AS a\r\nRUN three\r\nRUN one\r\nRUN two\r\n\r\nFROM alpine AS b");
    expect(applyResult(crlf, move(crlf, [0, 0], [1, 1]))).toBe("FROM alpine AS a\r\nRUN two\r\n\r\nFROM alpine AS b\r\nRUN three\r\nRUN one");
    const lf = "FROM alpine\nRUN a\nRUN b";
    expect(applyResult(lf, move(lf, [0, 1], [0, 0]))).toBe("FROM alpine\nRUN b\nRUN a");
  });

  it("moves with the backtick escape, continuations and all", () => {
    const win = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build\nRUN powershell -Command `\n    Write-Host hi\nWORKDIR C:\\app\n";
    expect(applyResult(win, move(win, [0, 0], [0, 2]))).toBe("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build\nWORKDIR C:\\app\nRUN powershell -Command `\n    Write-Host hi\n");
  });

  it("does not note an ARG the new place declares too, or one set by ENV in the stage it is built on", () => {
    const args = "FROM alpine AS base\nENV V=1\nARG V=2\nRUN echo $V\n\nFROM base AS next\nRUN true\n";
    expect(move(args, [0, 2], [1, 0])).toEqual({ edits: expect.any(Array) });
    const single = "FROM alpine AS a\nARG V=2\nRUN echo '$V' \"$W\"\n\nFROM alpine AS b\n";
    expect(move(single, [0, 1], [1, 0])).toEqual({ edits: expect.any(Array) });
  });

  it("moves an ONBUILD line, whose uses then land in the stages built on its new stage", () => {
    const onbuild = "FROM alpine AS tools\nRUN true\n\nFROM alpine AS base\nONBUILD COPY --from=tools /bin/t /bin/t\n\nFROM base AS app\n\nFROM alpine AS other\n\nFROM other AS child\n";
    expect(edgeLines(graphOf(onbuild)).filter((l) => l.startsWith("copy"))).toEqual(["copy tools -> app"]);
    const after = applyResult(onbuild, move(onbuild, [1, 0], [3, 0]));
    expect(after).toBe("FROM alpine AS tools\nRUN true\n\nFROM alpine AS base\n\nFROM base AS app\n\nFROM alpine AS other\nONBUILD COPY --from=tools /bin/t /bin/t\n\nFROM other AS child\n");
    expect(edgeLines(graphOf(after)).filter((l) => l.startsWith("copy"))).toEqual(["copy tools -> child"]);
  });

  it("notes the lines that an ARG moved away from no longer see", () => {
    const args = "FROM alpine AS a\nARG V=1\nRUN echo $V\nARG V=2\nRUN echo ${V}\n\nFROM alpine AS b\n";
    expect(move(args, [0, 0], [1, 0])).toEqual({ edits: expect.any(Array), notes: ["RUN on line 3 uses V and would no longer come after ARG on line 2."] });
    expect(move(args, [0, 0], [0, 2])).toEqual({ edits: expect.any(Array), notes: ["RUN on line 3 uses V and would no longer come after ARG on line 2."] });
    expect(move(args, [0, 2], [0, 0])).toEqual({ edits: expect.any(Array) });
  });
});
