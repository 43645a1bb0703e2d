import { TableSkeleton } from '@/components/ui/table-skeleton';

export default function Loading() {
  return (
    <>
      <div className="skeleton" style={{ width: '16rem', height: '1.6rem', marginBottom: '1rem' }} />
      <TableSkeleton rows={8} columns={2} label="Loading router" />
    </>
  );
}
