import { useStore } from "../state/store.ts";
import { MoonIcon, SunIcon } from "./icons.tsx";

/** Switches between the light and the dark theme; its name says what it switches to. */
export function ThemeToggle() {
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  const next = theme === "dark" ? "light" : "dark";
  const name = next === "dark" ? "Dark theme" : "Light theme";
  return (
    <button type="button" className="button icon-only" aria-label={name} title={`Switch to the ${next} theme`} onClick={() => setTheme(next)}>
      {next === "dark" ? <MoonIcon /> : <SunIcon />}
    </button>
  );
}
