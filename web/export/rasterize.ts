/**
 * An SVG picture as a PNG, in the page: the browser draws the SVG (an `<img>` of a `blob:` URL,
 * so nothing leaves the page) onto a canvas at `scale`, and the canvas encodes it. No screenshot
 * of the screen, no library.
 */

/** Browsers refuse canvases past about 16,384 px a side or 268 M pixels; stay well within both. */
const MAX_SIDE = 16_000;
const MAX_PIXELS = 120_000_000;

/** The scale actually used: `wanted`, or less for a picture too large for a canvas at that scale. */
export function fitScale(width: number, height: number, wanted: number): number {
  const bySide = MAX_SIDE / Math.max(width, height, 1);
  const byArea = Math.sqrt(MAX_PIXELS / Math.max(width * height, 1));
  return Math.min(wanted, bySide, byArea);
}

export async function rasterizeSvg(svg: string, width: number, height: number, wanted: number): Promise<Blob> {
  const scale = fitScale(width, height, wanted);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (context === null) throw new Error("this browser cannot draw on a canvas");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob === null ? reject(new Error("the browser could not encode the PNG")) : resolve(blob)), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
