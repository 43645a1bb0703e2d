import 'server-only';
/**
 * The field view's data: find a router the way a technician can read it off its label, its modems'
 * live readings, and a reboot. Each function authorizes itself.
 */
import { HttpError } from '@/lib/dto/errors';
import { authorize } from '@/lib/auth/session';
import type { FieldLiveDto, FieldMatchDto } from '@/lib/dto/field';
import { fleetRoutersQuerySchema } from '@/lib/dto/fleet';
import { isNumericId } from '@/lib/dto/ids';
import { getFleetSync, queryFleet } from '@/lib/fleet';
import { isModem } from '@/lib/fleet/signal';
import { rebootRouter } from '@/lib/ncm';
import { readLiveMetrics, readRouter, readRouterNetDevices, recentReadings } from '@/lib/reads';
import { bandOf, RSRP_BANDS, SINR_BANDS } from '@/lib/signal/bands';
import { recordAudit } from './activity';

const MATCHES_SHOWN = 20;

/** Routers whose name, serial, MAC, IMEI, ICCID, IP or asset id contains `q` (the table's search). */
export async function findFieldRouters(q: string): Promise<FieldMatchDto[]> {
  await authorize('routers:read');
  const query = fleetRoutersQuerySchema.parse({ q, limit: MATCHES_SHOWN });
  if (!query.q) return [];
  const view = await getFleetSync().read();
  return queryFleet(view, query).rows.map((r) => ({
    id: r.id,
    name: r.name,
    state: r.state,
    serialNumber: r.serialNumber,
    assetId: r.assetId,
    mac: r.mac,
  }));
}

export async function getFieldLive(id: string): Promise<FieldLiveDto> {
  await authorize('routers:read');
  if (!isNumericId(id)) throw new HttpError(404, 'not_found', 'No such router');
  const modems = (await readRouterNetDevices(id)).value.filter(isModem);
  const live = await readLiveMetrics(modems.map((m) => m.id));
  const byModem = new Map(live.value.map((m) => [m.netDeviceId, m]));
  return {
    routerId: id,
    modems: modems.map((m) => {
      const reading = byModem.get(m.id);
      return {
        id: m.id,
        name: m.name,
        carrier: m.carrier,
        connectionState: m.connectionState,
        serviceType: reading?.serviceType ?? null,
        rsrp: reading?.rsrp ?? null,
        rsrq: reading?.rsrq ?? null,
        sinr: reading?.sinr ?? null,
        rsrpQuality: bandOf(reading?.rsrp, RSRP_BANDS),
        sinrQuality: bandOf(reading?.sinr, SINR_BANDS),
        readingAt: reading?.updatedAt ?? null,
        history: recentReadings(m.id),
      };
    }),
    asOf: new Date(live.asOf).toISOString(),
    stale: live.failing,
    waiting: live.waiting,
  };
}

/** Reboots a router through NCM and records who did it. */
export async function rebootFromField(id: string): Promise<{ rebooted: true; name: string }> {
  const user = await authorize('routers:reboot');
  if (!isNumericId(id)) throw new HttpError(404, 'not_found', 'No such router');
  const router = (await readRouter(id)).value;
  if (!router) throw new HttpError(404, 'not_found', 'No such router');
  await rebootRouter(id);
  recordAudit({
    user,
    action: 'router.reboot',
    targetType: 'router',
    targetId: id,
    before: null,
    after: { name: router.name },
  });
  return { rebooted: true, name: router.name };
}
