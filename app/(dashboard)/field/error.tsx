'use client';

import { SegmentError } from '@/components/ui/segment-error';

export default function FieldError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError error={error} retry={retry} what="The field view" />;
}
