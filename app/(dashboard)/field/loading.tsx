import { SectionSkeleton } from '@/components/ui/section-skeleton';

export default function Loading() {
  return <SectionSkeleton label="field view" />;
}
