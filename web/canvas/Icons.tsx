/** Small line icons for the canvas, drawn in the current text colour; decorative (aria-hidden). */

const common = {
  width: 14,
  height: 14,
  viewBox: "0 0 16 16",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.6,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  "aria-hidden": true,
  focusable: false,
} as const;

/** A shipping container: an external image. */
export function ImageIcon({ size = 14 }: { size?: number }) {
  return (
    <svg {...common} width={size} height={size}>
      <rect x="1.5" y="4" width="13" height="8.5" rx="1.2" />
      <path d="M4.5 6.3v4M7 6.3v4M9.5 6.3v4M12 6.3v4" />
    </svg>
  );
}

/** An arrow up into a layer: built on another stage. */
export function StageBaseIcon() {
  return (
    <svg {...common}>
      <path d="M8 12.5V3.5M4.5 7 8 3.5 11.5 7" />
      <path d="M2.5 13.5h11" />
    </svg>
  );
}

/** An empty dashed box: `FROM scratch`. */
export function ScratchIcon() {
  return (
    <svg {...common}>
      <rect x="2.5" y="2.5" width="11" height="11" rx="1.5" strokeDasharray="2.2 2" />
    </svg>
  );
}

export function ErrorIcon() {
  return (
    <svg {...common}>
      <circle cx="8" cy="8" r="6.2" />
      <path d="M8 4.8v3.7M8 11.1v.1" />
    </svg>
  );
}

export function WarningIcon() {
  return (
    <svg {...common}>
      <path d="M8 2.2 14.3 13.3H1.7Z" />
      <path d="M8 6.4v3.2M8 11.4v.1" />
    </svg>
  );
}
