// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FleetRouterRow } from '@/lib/dto/fleet';
import { FLEET_SORT_COLUMNS } from '@/lib/dto/fleet-values';
import { FacetFilter } from './facet-filter';
import { FLEET_COLUMNS } from './fleet-columns';
import { SortHeader } from './sort-header';
import { SortSelect } from './sort-select';
import { StateChips } from './state-chips';

afterEach(cleanup);

function inTable(node: React.ReactNode) {
  return render(
    <table>
      <thead>
        <tr>{node}</tr>
      </thead>
    </table>,
  );
}

describe('FLEET_COLUMNS', () => {
  it('names each column by its key and sorts only by keys the server knows', () => {
    for (const [key, column] of Object.entries(FLEET_COLUMNS)) {
      expect(column.key).toBe(key);
      if (column.sort) expect(FLEET_SORT_COLUMNS).toContain(column.sort);
    }
    expect(FLEET_COLUMNS.signalQuality.sort).toBe('rsrp');
    expect(
      Object.values(FLEET_COLUMNS)
        .filter((c) => c.narrow)
        .map((c) => c.key),
    ).toEqual(['name', 'state', 'signalQuality']);
  });

  it('shows a plain field as it is, and a dash when it is empty', () => {
    const row = { carrier: 'Verizon', mac: null, assetId: '', healthScore: 0 } as FleetRouterRow;
    render(
      <p>
        {FLEET_COLUMNS.carrier.cell(row)}|{FLEET_COLUMNS.mac.cell(row)}|{FLEET_COLUMNS.assetId.cell(row)}|
        {FLEET_COLUMNS.healthScore.cell(row)}
      </p>,
    );
    expect(screen.getByText(/Verizon/).textContent).toBe('Verizon|—|—|0');
  });
});

describe('SortHeader', () => {
  it('says how the active column is sorted and sorts on click', () => {
    const onSort = vi.fn();
    inTable(<SortHeader column={FLEET_COLUMNS.name} sort="name" dir="desc" onSort={onSort} />);
    expect(screen.getByRole('columnheader').getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByRole('button', { name: /Name/ }));
    expect(onSort).toHaveBeenCalledWith('name');
  });

  it('leaves aria-sort off inactive columns and renders unsortable ones without a button', () => {
    inTable(
      <>
        <SortHeader column={FLEET_COLUMNS.carrier} sort="name" dir="asc" onSort={() => {}} />
        <SortHeader column={{ ...FLEET_COLUMNS.mac, sort: null }} sort="name" dir="asc" onSort={() => {}} />
      </>,
    );
    const [carrier, unsortable] = screen.getAllByRole('columnheader');
    expect(carrier.hasAttribute('aria-sort')).toBe(false);
    expect(unsortable.querySelector('button')).toBeNull();
  });
});

describe('StateChips', () => {
  it('shows counts and toggles states, clearing to "all" when none is left', () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <StateChips
        counts={{ online: 812, offline: 143, initialized: 2, unknown: 0 }}
        selected={[]}
        onChange={onChange}
      />,
    );
    expect(screen.getByTestId('state-chip-online').textContent).toContain('812');
    fireEvent.click(screen.getByTestId('state-chip-offline'));
    expect(onChange).toHaveBeenLastCalledWith(['offline']);
    rerender(<StateChips counts={null} selected={['offline']} onChange={onChange} />);
    expect(screen.getByTestId('state-chip-offline').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('state-chip-offline'));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });
});

describe('FacetFilter', () => {
  const options = [
    { value: 'AT&T', label: 'AT&T' },
    { value: 'Verizon', label: 'Verizon' },
  ];

  it('renders its options only while open', () => {
    const { container } = render(<FacetFilter label="Carrier" options={options} selected={[]} onChange={() => {}} />);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    const details = container.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(screen.getAllByRole('checkbox')).toHaveLength(2);
  });

  it('shows a choice at once, before the URL (and so `selected`) catches up, then follows the URL', () => {
    const onChange = vi.fn();
    const { container, rerender } = render(
      <FacetFilter label="Carrier" options={options} selected={[]} onChange={onChange} />,
    );
    const details = container.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Verizon' }));
    expect(onChange).toHaveBeenCalledWith(['Verizon']);
    // The parent re-renders with the old selection (a new, equal array) before the URL changes.
    rerender(<FacetFilter label="Carrier" options={options} selected={[]} onChange={onChange} />);
    expect((screen.getByRole('checkbox', { name: 'Verizon' }) as HTMLInputElement).checked).toBe(true);
    // Then the URL says otherwise (e.g. Back): the URL wins.
    rerender(<FacetFilter label="Carrier" options={options} selected={['AT&T']} onChange={onChange} />);
    expect((screen.getByRole('checkbox', { name: 'Verizon' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'AT&T' }) as HTMLInputElement).checked).toBe(true);
  });
});

describe('SortSelect', () => {
  const filters = { sort: 'name', dir: 'asc' } as const;

  it('offers every sortable column once in each direction and shows the current sort', () => {
    render(<SortSelect filters={{ ...filters, sort: 'rsrp', dir: 'desc' }} onChange={() => {}} />);
    const select = screen.getByRole('combobox', { name: 'Sort' }) as HTMLSelectElement;
    expect(select.value).toBe('rsrp desc');
    const values = [...select.options].map((o) => o.value);
    expect(new Set(values).size).toBe(values.length);
    const sortKeys = new Set(Object.values(FLEET_COLUMNS).flatMap((c) => (c.sort ? [c.sort] : [])));
    expect(values).toHaveLength(sortKeys.size * 2);
  });

  it('sends the chosen column and direction', () => {
    const onChange = vi.fn();
    render(<SortSelect filters={filters} onChange={onChange} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'stateUpdatedAt desc' } });
    expect(onChange).toHaveBeenCalledWith({ sort: 'stateUpdatedAt', dir: 'desc' });
  });
});
