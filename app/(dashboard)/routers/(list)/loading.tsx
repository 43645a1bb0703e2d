import { TableSkeleton } from '@/components/ui/table-skeleton';

export default function Loading() {
  return (
    <>
      <h1>Routers</h1>
      <TableSkeleton rows={10} columns={7} label="Loading routers" />
    </>
  );
}
