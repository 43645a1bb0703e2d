import { ModemsTable } from '@/components/routers/modems-table';
import { getRouterModems } from '@/lib/data/routers';

export async function ModemsSection({ routerId }: { routerId: string }) {
  return <ModemsTable modems={await getRouterModems(routerId)} />;
}
