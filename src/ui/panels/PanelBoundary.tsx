import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** The panel's name, for the message ("The code panel could not be drawn"). */
  readonly name: string;
  readonly children: ReactNode;
  /** When this changes (another level, another story), the panel tries again. */
  readonly resetKey?: unknown;
}

interface State {
  readonly error: Error | null;
  readonly key: unknown;
}

/**
 * An error inside one panel shows a message in that panel; the rest of the page keeps working.
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for developers; a warning, not an error, so the page's console stays clean of ours.
    console.warn(`[${this.props.name}]`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="panel panel--broken" role="alert">
        <p>
          <strong>{this.props.name} could not be drawn.</strong> The rest of the lab still works.
        </p>
        <p className="panel--broken__detail">{this.state.error.message}</p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
