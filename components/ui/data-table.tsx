import type { ReactNode } from 'react';

export interface DataColumn<Row> {
  /** Stable key of the column (also the React key). */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Numbers and money are right-aligned with tabular figures. */
  numeric?: boolean;
  /** A screen-reader-only header (e.g. an actions column). */
  headerHidden?: boolean;
  className?: string;
}

/**
 * The one accessible table of every admin and counter list: a caption (visible or for screen readers),
 * column headers with scope, numeric alignment, and an empty state in place of an empty body.
 */
export function DataTable<Row>({
  caption,
  captionHidden = true,
  columns,
  rows,
  rowKey,
  empty,
  rowClassName,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: DataColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  rowClassName?: (row: Row) => string | undefined;
}) {
  if (rows.length === 0) {
    return (
      <div role="status" className="rounded-xl border border-dashed border-stone-300 bg-white px-6 py-10 text-center text-stone-600">
        {empty}
      </div>
    );
  }
  const align = (column: DataColumn<Row>) => (column.numeric ? 'text-right tabular-nums' : 'text-left');
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className={captionHidden ? 'sr-only' : 'px-4 py-3 text-left font-semibold text-stone-900'}>{caption}</caption>
        <thead className="bg-stone-50 text-xs font-semibold uppercase tracking-wide text-stone-600">
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={`px-3 py-2.5 ${align(column)} ${column.className ?? ''}`}>
                {column.headerHidden ? <span className="sr-only">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column) => (
                <td key={column.key} className={`px-3 py-2.5 align-top ${align(column)} ${column.className ?? ''}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
