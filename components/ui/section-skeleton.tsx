/**
 * Placeholder for a streamed section: a heading-sized bar and a few lines, and `note` (e.g. why the
 * section will take a while) when there is something to say.
 */
export function SectionSkeleton({ label, lines = 4, note }: { label: string; lines?: number; note?: string | null }) {
  return (
    <div className="card" role="status" aria-busy="true" data-testid="section-skeleton">
      <span className="visually-hidden">Loading {label}…</span>
      {note && (
        <p className="small muted" data-testid="budget-wait-note">
          {note}
        </p>
      )}
      <div className="skeleton" style={{ width: '40%', height: '1.2rem', marginBottom: '0.75rem' }} />
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton" style={{ marginBottom: '0.5rem' }} />
      ))}
    </div>
  );
}
