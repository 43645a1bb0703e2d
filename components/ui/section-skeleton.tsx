/** Placeholder for a streamed section: a heading-sized bar and a few lines. */
export function SectionSkeleton({ label, lines = 4 }: { label: string; lines?: number }) {
  return (
    <div className="card" role="status" aria-busy="true" data-testid="section-skeleton">
      <span className="visually-hidden">Loading {label}…</span>
      <div className="skeleton" style={{ width: '40%', height: '1.2rem', marginBottom: '0.75rem' }} />
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton" style={{ marginBottom: '0.5rem' }} />
      ))}
    </div>
  );
}
