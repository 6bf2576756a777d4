import { Component, type ErrorInfo, type ReactNode } from "react";

interface ErrorBoundaryProps {
  /** What failed, in words the user knows: "The editor". Used by the default fallback. */
  readonly what: string;
  readonly children: ReactNode;
  /**
   * Draws the failure instead of the default message. `reset` renders the children again;
   * call it after clearing whatever state made them fail.
   */
  readonly fallback?: (error: Error, reset: () => void) => ReactNode;
  /** Told of every failure, e.g. to save the session before anything else can go wrong. */
  readonly onError?: (error: Error, info: ErrorInfo) => void;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
}

/**
 * Keeps a failure in one part of the page (a chunk that did not load, a bug in the canvas) from
 * blanking the rest: React unmounts only the subtree below the boundary.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    this.props.onError?.(error instanceof Error ? error : new Error(String(error)), info);
  }

  readonly reset = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (this.props.fallback) return this.props.fallback(error, this.reset);
    return (
      <div className="failure" role="alert">
        <p>
          {this.props.what} could not start: {error.message}
        </p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
