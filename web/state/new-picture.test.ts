import { describe, expect, it } from "vitest";
import { isNewText, keepPicture, nameNewText, type Picture } from "./new-picture.ts";

const FILE = "FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n";

describe("isNewText", () => {
  it("sees typing, deleting a line and pasting a line as edits", () => {
    expect(isNewText(FILE, FILE)).toBe(false);
    expect(isNewText(FILE, FILE.replace("WORKDIR /app", "WORKDIR /src"))).toBe(false);
    expect(isNewText(FILE, FILE.replace("WORKDIR /app\n", ""))).toBe(false);
    expect(isNewText(FILE, `${FILE}FROM alpine AS extra\nRUN apk add curl\n`)).toBe(false);
    expect(isNewText("", "F")).toBe(false);
    expect(isNewText("FROM a\n", "x")).toBe(false);
  });

  it("sees a paste over most of the file, or clearing it, as a new text", () => {
    expect(isNewText(FILE, "FROM golang:1.23 AS build\nRUN go build -o /bin/app .\n")).toBe(true);
    expect(isNewText(FILE, "")).toBe(true);
    expect(isNewText("", FILE)).toBe(true);
    // Half the file kept at the ends: an edit, however large the middle.
    const half = FILE.slice(0, FILE.length / 2);
    expect(isNewText(FILE, `${half}${"#".repeat(20)}\n`)).toBe(false);
  });
});

describe("pictures", () => {
  it("names texts without a file", () => {
    expect(nameNewText("  \n")).toBe("untitled");
    expect(nameNewText("FROM a")).toBe("pasted");
  });

  it("keeps the newest first, one per text, eight at most", () => {
    const picture = (text: string): Picture => ({ text, sourceName: text, edited: false, target: null, buildArgs: {}, positions: {}, pinned: [], viewport: null });
    let kept: Picture[] = [];
    for (let i = 0; i < 10; i++) kept = keepPicture(kept, picture(String(i)));
    kept = keepPicture(kept, picture("5"));
    expect(kept.map((p) => p.text)).toEqual(["5", "9", "8", "7", "6", "4", "3", "2"]);
  });
});
