// If the interface itself fails, say so plainly and point to the way out. The design is already
// saved in the browser (autosave runs on every change), so a reload loses nothing.
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h1>Something went wrong in ArchLab</h1>
        <p>Your designs are saved in this browser; reloading the page brings back the last saved state.</p>
        <p className="muted">Details: {this.state.error.message}</p>
        <button type="button" onClick={() => location.reload()}>Reload</button>
      </div>
    );
  }
}
