import type { ModemDto } from '@/lib/dto/routers';
import { SignalBadge } from './signal-quality';

const unit = (v: number | null, u: string) => (v === null ? <span className="muted">—</span> : `${v} ${u}`);

export function ModemsTable({ modems }: { modems: ModemDto[] }) {
  if (modems.length === 0) {
    return (
      <p className="card muted" data-testid="modems-empty">
        This router reports no modems.
      </p>
    );
  }
  return (
    <div className="table-wrap card" style={{ padding: 0 }}>
      <table className="data" data-testid="modems-table">
        <thead>
          <tr>
            <th scope="col">Modem</th>
            <th scope="col">Carrier</th>
            <th scope="col">Connection</th>
            <th scope="col">Signal</th>
            <th scope="col">RSRP</th>
            <th scope="col">RSRQ</th>
            <th scope="col">SINR</th>
            <th scope="col">Health</th>
            <th scope="col">ICCID</th>
            <th scope="col">IMEI</th>
            <th scope="col">IP</th>
          </tr>
        </thead>
        <tbody>
          {modems.map((m) => (
            <tr key={m.id} data-testid="modem-row">
              <td>
                {m.name}
                {m.model && <span className="small muted"> {m.model}</span>}
              </td>
              <td>{m.carrier ?? '—'}</td>
              <td>{m.connectionState ?? '—'}</td>
              <td>
                <SignalBadge quality={m.signalQuality} />
              </td>
              <td>{unit(m.rsrp, 'dBm')}</td>
              <td>{unit(m.rsrq, 'dB')}</td>
              <td>{unit(m.sinr, 'dB')}</td>
              <td>{m.healthScore ?? '—'}</td>
              <td>{m.iccid ?? '—'}</td>
              <td>{m.imei ?? '—'}</td>
              <td>{m.ipv4Address ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
