export function TableSkeleton({ rows, columns, label }: { rows: number; columns: number; label: string }) {
  return (
    <div className="card" role="status" aria-live="polite" aria-busy="true" data-testid="table-skeleton">
      <span className="visually-hidden">{label}…</span>
      <table className="data" aria-hidden="true">
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              {Array.from({ length: columns }, (_, c) => (
                <td key={c}>
                  <div className="skeleton" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
