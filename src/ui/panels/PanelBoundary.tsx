import { Component, type ReactNode } from 'react';

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
 * (The root's onCaughtError, in main.tsx, logs what was caught as a warning.)
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override render() {
    if (!this.state.error) {
      return (
        <>
          {faultInjected(this.props.name) && <Tripwire name={this.props.name} />}
          {this.props.children}
        </>
      );
    }
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

/**
 * Fault injection, for the tests that check the boundaries: with localStorage
 * `pool-lab:break-panel` set to a panel's name, that panel throws while drawing.
 */
function faultInjected(name: string): boolean {
  try {
    return globalThis.localStorage?.getItem('pool-lab:break-panel') === name;
  } catch {
    return false;
  }
}

function Tripwire({ name }: { name: string }): null {
  throw new Error(`${name} was broken on purpose (pool-lab:break-panel)`);
}
