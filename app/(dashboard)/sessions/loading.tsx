import { TableSkeleton } from '@/components/ui/table-skeleton';

export default function Loading() {
  return (
    <>
      <h1>Sessions</h1>
      <TableSkeleton rows={5} columns={6} label="Loading sessions" />
    </>
  );
}
