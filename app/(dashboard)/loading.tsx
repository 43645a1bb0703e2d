import { SectionSkeleton } from '@/components/ui/section-skeleton';

export default function Loading() {
  return (
    <>
      <div className="skeleton" style={{ width: '14rem', height: '1.6rem', marginBottom: '1rem' }} />
      <SectionSkeleton label="overview" lines={6} />
    </>
  );
}
