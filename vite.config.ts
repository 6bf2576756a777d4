import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * What the built page may load and send: its own files only. Workers (Monaco's) come from the
 * page's own folder; styles may be inline (Monaco injects its own, React Flow positions nodes
 * with style attributes); images may be `data:` and `blob:` (Monaco's icons, the PNG export draws
 * its SVG from a `blob:` URL). Nothing may connect, submit or be framed anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join("; ");

/**
 * The policy as a meta tag, in the built page only: the dev server injects inline scripts
 * (React's fast refresh) that a policy without 'unsafe-inline' would block.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: "stagecraft-csp",
    apply: "build",
    transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY }, injectTo: "head-prepend" }],
  };
}

export default defineConfig({
  // Relative URLs: the built site works from any folder (a project page under /stagecraft/, a file share).
  base: "./",
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: "es" },
  build: {
    target: "es2022",
    outDir: "dist",
  },
});
