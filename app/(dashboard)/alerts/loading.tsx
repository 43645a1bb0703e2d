import { TableSkeleton } from '@/components/ui/table-skeleton';

export default function Loading() {
  return (
    <>
      <h1>Alerts</h1>
      <TableSkeleton rows={10} columns={6} label="Loading alerts" />
    </>
  );
}
