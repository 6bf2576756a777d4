import { useStore, type Theme } from "../state/store.ts";

function applyTheme(theme: Theme) {
  document.documentElement.dataset["theme"] = theme;
}

/**
 * Keeps `data-theme` on <html> in step with the store. Called before the first render, so a
 * reload in the dark theme never flashes light.
 */
export function syncTheme(): () => void {
  applyTheme(useStore.getState().theme);
  return useStore.subscribe((state, previous) => {
    if (state.theme !== previous.theme) applyTheme(state.theme);
  });
}
