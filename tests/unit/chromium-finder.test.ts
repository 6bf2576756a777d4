/**
 * How the browser tests get a Chromium on a fresh machine: what they look for, and what they
 * try when there is none (Playwright's download, then apt-get as root or through sudo), ending
 * with a message that says what to do. The machine is replaced by a recording fake.
 */
import { describe, expect, it } from "vitest";
import { HOW_TO_GET_A_BROWSER, findChromium, installChromium, type Installer } from "../e2e/chromium.ts";

interface FakeMachine {
  readonly installer: Installer;
  readonly commands: string[];
  readonly files: Set<string>;
}

/** A machine where `commands` succeed if `succeeds` says so, and each may put a file in place. */
function fakeMachine(options: {
  readonly isRoot: boolean;
  readonly onPath: readonly string[];
  readonly succeeds: (command: string) => boolean;
  readonly creates?: Readonly<Record<string, string>>;
}): FakeMachine {
  const commands: string[] = [];
  const files = new Set<string>();
  const installer: Installer = {
    run: (command, args) => {
      const line = [command, ...args].join(" ");
      commands.push(line);
      const ok = options.succeeds(line);
      const created = options.creates?.[line];
      if (ok && created !== undefined) files.add(created);
      return ok;
    },
    which: (name) => (options.onPath.includes(name) ? `/usr/bin/${name}` : undefined),
    isRoot: options.isRoot,
    log: () => undefined,
  };
  return { installer, commands, files };
}

const SEARCH = { STAGECRAFT_CHROMIUM_SEARCH: "/nowhere/chromium:/nowhere/chrome" };
const APT_INSTALL = "env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium";

describe("findChromium", () => {
  it("takes CHROMIUM_PATH first, and says so when it names nothing", () => {
    expect(findChromium({ CHROMIUM_PATH: "/opt/chrome" }, (path) => path === "/opt/chrome")).toBe("/opt/chrome");
    expect(() => findChromium({ CHROMIUM_PATH: "/opt/missing" }, () => false)).toThrow(/CHROMIUM_PATH is set to \/opt\/missing/);
  });

  it("looks through the search list in order", () => {
    const exists = (path: string): boolean => path === "/nowhere/chrome";
    expect(findChromium(SEARCH, exists)).toBe("/nowhere/chrome");
    expect(findChromium(SEARCH, () => false)).toBeUndefined();
  });

  it("looks at the system browsers and then Playwright's own download by default", () => {
    const seen: string[] = [];
    findChromium({}, (path) => (seen.push(path), false));
    expect(seen.slice(0, 3)).toEqual(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]);
    expect(seen[3]).toMatch(/ms-playwright/);
  });
});

describe("installChromium", () => {
  it("stops at Playwright's download when it works", () => {
    const machine = fakeMachine({
      isRoot: false,
      onPath: [],
      succeeds: () => true,
      creates: { "npx playwright install chromium": "/nowhere/chromium" },
    });
    expect(installChromium(SEARCH, machine.installer, (path) => machine.files.has(path))).toBe("/nowhere/chromium");
    expect(machine.commands).toEqual(["npx playwright install chromium"]);
  });

  it("falls back to apt-get as root when the download fails", () => {
    const machine = fakeMachine({ isRoot: true, onPath: ["apt-get", "chromium"], succeeds: (line) => line !== "npx playwright install chromium" });
    expect(installChromium(SEARCH, machine.installer, () => false)).toBe("/usr/bin/chromium");
    expect(machine.commands).toEqual(["npx playwright install chromium", "apt-get update", APT_INSTALL]);
  });

  it("goes through sudo when not root", () => {
    const machine = fakeMachine({
      isRoot: false,
      onPath: ["apt-get", "sudo"],
      succeeds: (line) => line.startsWith("sudo"),
      creates: { [`sudo ${APT_INSTALL}`]: "/nowhere/chromium" },
    });
    expect(installChromium(SEARCH, machine.installer, (path) => machine.files.has(path))).toBe("/nowhere/chromium");
    expect(machine.commands).toEqual(["npx playwright install chromium", "sudo apt-get update", `sudo ${APT_INSTALL}`]);
  });

  it("says what to do when neither way works", () => {
    const noApt = fakeMachine({ isRoot: true, onPath: [], succeeds: () => false });
    expect(() => installChromium(SEARCH, noApt.installer, () => false)).toThrow(HOW_TO_GET_A_BROWSER);
    expect(noApt.commands).toEqual(["npx playwright install chromium"]);

    const noSudo = fakeMachine({ isRoot: false, onPath: ["apt-get"], succeeds: () => false });
    expect(() => installChromium(SEARCH, noSudo.installer, () => false)).toThrow(/CHROMIUM_PATH=\/path\/to\/chrome npm test/);
    expect(noSudo.commands).toEqual(["npx playwright install chromium"]);

    const aptFails = fakeMachine({ isRoot: true, onPath: ["apt-get"], succeeds: () => false });
    expect(() => installChromium(SEARCH, aptFails.installer, () => false)).toThrow(HOW_TO_GET_A_BROWSER);
    expect(aptFails.commands).toEqual(["npx playwright install chromium", "apt-get update"]);
  });
});
