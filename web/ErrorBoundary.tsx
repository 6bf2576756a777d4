import { Component, type ReactNode } from "react";

interface ErrorBoundaryProps {
  /** What failed, in words the user knows: "The editor". */
  readonly what: string;
  readonly children: ReactNode;
}

/** Keeps a failure in one part of the page (a chunk that did not load) from blanking the rest. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="failure" role="alert">
        <p>
          {this.props.what} could not start: {this.state.error.message}
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
