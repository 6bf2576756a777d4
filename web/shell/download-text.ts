/**
 * Saves text to a file on the user's machine through the browser's own download: no request
 * leaves the page (a `blob:` URL), and it works when the page's storage does not.
 */
export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName === "" ? "Dockerfile" : fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
