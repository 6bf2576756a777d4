import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

/** What the pure core may not import: UI frameworks, editor, canvas, store, and the app itself. */
const CORE_FORBIDDEN = {
  paths: [
    { name: "react", message: "src/ is the pure core: no React. Put UI code in web/." },
    { name: "react-dom", message: "src/ is the pure core: no React. Put UI code in web/." },
    { name: "monaco-editor", message: "src/ is the pure core: Monaco belongs to web/." },
    { name: "zustand", message: "src/ is the pure core: state stores belong to web/." },
  ],
  patterns: [
    { group: ["react/*", "react-dom/*"], message: "src/ is the pure core: no React. Put UI code in web/." },
    { group: ["monaco-editor/*", "@monaco-editor/*"], message: "src/ is the pure core: Monaco belongs to web/." },
    { group: ["@xyflow/*"], message: "src/ is the pure core: React Flow belongs to web/." },
    { group: ["zustand/*"], message: "src/ is the pure core: state stores belong to web/." },
    { group: ["**/web", "**/web/**", "web/**"], message: "src/ must not import the app; the app imports src/index.ts." },
  ],
};

export default defineConfig([
  globalIgnores(["dist/", "cli-dist/", "node_modules/", "test-results/", "playwright-report/", "coverage/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**"],
    rules: { "no-restricted-imports": ["error", CORE_FORBIDDEN] },
  },
]);
