/**
 * Saves a file on the user's machine through the browser's own download: no request leaves the
 * page (a `blob:` URL), and it works when the page's storage does not.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `text` as a UTF-8 file, byte for byte (no BOM added, line endings kept). */
export function downloadText(text: string, fileName: string, type = "text/plain"): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName === "" ? "Dockerfile" : fileName);
}
