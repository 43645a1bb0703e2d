import type { CSSProperties, ReactNode } from 'react';

interface StackColumn {
  label: string;
  /** Read by screen readers only (an actions column). */
  labelHidden?: boolean;
  /** Long text that should wrap rather than widen the table. */
  wraps?: boolean;
}

interface Props<Row> {
  testId: string;
  columns: readonly StackColumn[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** One cell per column, in the columns' order. */
  cells: (row: Row) => ReactNode[];
  /** Extra attributes of a row's <tr>, e.g. data-testid for tests that find rows. */
  rowAttributes?: (row: Row) => Record<`data-${string}`, string>;
}

const WRAP: CSSProperties = { whiteSpace: 'normal' };

/**
 * A table that becomes a list of cards on a narrow screen: every cell carries its column's label,
 * which the stylesheet shows beside the value when the header row is hidden (`table.data.stack`).
 */
export function StackTable<Row>({ testId, columns, rows, rowKey, cells, rowAttributes }: Props<Row>) {
  return (
    <div className="table-wrap card" style={{ padding: 0 }}>
      <table className="data stack" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col">
                {c.labelHidden ? <span className="visually-hidden">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowAttributes?.(row)}>
              {cells(row).map((cell, i) => {
                const column = columns[i]!;
                return (
                  <td
                    key={column.label}
                    data-label={column.labelHidden ? undefined : column.label}
                    style={column.wraps ? WRAP : undefined}
                  >
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
