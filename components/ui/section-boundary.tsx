'use client';

import { Component, type ReactNode } from 'react';

interface Props {
  /** What failed, for the message ("Alerts of the last 24 h"). */
  what: string;
  children: ReactNode;
}

/**
 * Keeps a failure inside one section of a page: the rest renders, this one says what failed and
 * offers a retry (a reload of the section's server data through router.refresh would need the
 * router; a full reload is the honest fallback for a streamed server section).
 */
export class SectionBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    console.error(error);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="banner error" role="status" data-testid="section-error">
        <p>
          <strong>{this.props.what} could not be loaded.</strong> NCM may be unreachable or slow right now.
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </div>
    );
  }
}
