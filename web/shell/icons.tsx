/**
 * The few icons the shell and panels use, drawn inline (no icon font, no request): 20×20,
 * stroked in the current text colour, hidden from assistive technology (buttons carry names).
 */
import type { ReactNode } from "react";

function Icon({ children, size = 18 }: { readonly children: ReactNode; readonly size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const FolderIcon = () => (
  <Icon>
    <path d="M2.5 5.5a1.5 1.5 0 0 1 1.5-1.5h3.2l1.6 1.8H16a1.5 1.5 0 0 1 1.5 1.5v7.2a1.5 1.5 0 0 1-1.5 1.5H4a1.5 1.5 0 0 1-1.5-1.5z" />
  </Icon>
);

export const GalleryIcon = () => (
  <Icon>
    <rect x="3" y="3" width="6" height="6" rx="1.2" />
    <rect x="11" y="3" width="6" height="6" rx="1.2" />
    <rect x="3" y="11" width="6" height="6" rx="1.2" />
    <rect x="11" y="11" width="6" height="6" rx="1.2" />
  </Icon>
);

export const ChevronDownIcon = () => (
  <Icon size={14}>
    <path d="M5 8l5 5 5-5" />
  </Icon>
);

export const ExportIcon = () => (
  <Icon>
    <path d="M10 12.5V3M6.5 6.5 10 3l3.5 3.5" />
    <path d="M4 11v4.5A1.5 1.5 0 0 0 5.5 17h9a1.5 1.5 0 0 0 1.5-1.5V11" />
  </Icon>
);

export const TidyIcon = () => (
  <Icon>
    <rect x="7" y="2.5" width="6" height="4" rx="1" />
    <rect x="2.5" y="13.5" width="6" height="4" rx="1" />
    <rect x="11.5" y="13.5" width="6" height="4" rx="1" />
    <path d="M10 6.5v3.5M5.5 13.5V10h9v3.5" />
  </Icon>
);

export const FitIcon = () => (
  <Icon>
    <path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" />
    <rect x="7" y="7" width="6" height="6" rx="1" />
  </Icon>
);

export const MoonIcon = () => (
  <Icon>
    <path d="M16.5 12.2A7 7 0 0 1 7.8 3.5a7 7 0 1 0 8.7 8.7z" />
  </Icon>
);

export const SunIcon = () => (
  <Icon>
    <circle cx="10" cy="10" r="3.5" />
    <path d="M10 1.8v1.8M10 16.4v1.8M1.8 10h1.8M16.4 10h1.8M4.2 4.2l1.3 1.3M14.5 14.5l1.3 1.3M4.2 15.8l1.3-1.3M14.5 5.5l1.3-1.3" />
  </Icon>
);

export const CloseIcon = ({ size = 16 }: { readonly size?: number }) => (
  <Icon size={size}>
    <path d="M5 5l10 10M15 5L5 15" />
  </Icon>
);

export const PanelRightIcon = () => (
  <Icon>
    <rect x="2.5" y="3.5" width="15" height="13" rx="1.5" />
    <path d="M12.5 3.5v13" />
  </Icon>
);

export const UploadIcon = ({ size = 18 }: { readonly size?: number }) => (
  <Icon size={size}>
    <path d="M10 13V3.5M6 7.5l4-4 4 4M3.5 13v2a1.5 1.5 0 0 0 1.5 1.5h10a1.5 1.5 0 0 0 1.5-1.5v-2" />
  </Icon>
);

export const ResetIcon = () => (
  <Icon size={14}>
    <path d="M4 9a6 6 0 1 1 1.8 4.3M4 14V9h5" />
  </Icon>
);

export const ErrorIcon = () => (
  <Icon size={16}>
    <circle cx="10" cy="10" r="7.5" />
    <path d="M7.2 7.2l5.6 5.6M12.8 7.2l-5.6 5.6" />
  </Icon>
);

export const WarningIcon = () => (
  <Icon size={16}>
    <path d="M10 2.8l7.6 13.4H2.4z" />
    <path d="M10 8v3.6M10 14.2v.1" />
  </Icon>
);

export const InfoIcon = () => (
  <Icon size={16}>
    <circle cx="10" cy="10" r="7.5" />
    <path d="M10 9v5M10 6.2v.1" />
  </Icon>
);

export const DownloadIcon = ({ size = 16 }: { readonly size?: number }) => (
  <Icon size={size}>
    <path d="M10 3.5V13M6 9l4 4 4-4M3.5 13v2a1.5 1.5 0 0 0 1.5 1.5h10a1.5 1.5 0 0 0 1.5-1.5v-2" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon>
    <path d="M7.5 4.5L4 8l3.5 3.5M4 8h8a4 4 0 0 1 0 8H9" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="M12.5 4.5L16 8l-3.5 3.5M16 8H8a4 4 0 0 0 0 8h3" />
  </Icon>
);

export const CommandIcon = () => (
  <Icon>
    <rect x="2.5" y="4" width="15" height="12" rx="1.5" />
    <path d="M5.5 8l2.5 2-2.5 2M10 12.5h4" />
  </Icon>
);

export const PlusIcon = () => (
  <Icon>
    <path d="M10 4v12M4 10h12" />
  </Icon>
);
