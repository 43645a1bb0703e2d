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
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the table may scroll sideways, and a keyboard must be able to scroll it too.
    <section className="table-wrap card" style={{ padding: 0 }} tabIndex={0} aria-label="Modems">
      <table className="data stack" data-testid="modems-table">
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
              <td data-label="Modem">
                {m.name}
                {m.model && <span className="small muted"> {m.model}</span>}
              </td>
              <td data-label="Carrier">{m.carrier ?? '—'}</td>
              <td data-label="Connection">{m.connectionState ?? '—'}</td>
              <td data-label="Signal">
                <SignalBadge quality={m.signalQuality} />
              </td>
              <td data-label="RSRP">{unit(m.rsrp, 'dBm')}</td>
              <td data-label="RSRQ">{unit(m.rsrq, 'dB')}</td>
              <td data-label="SINR">{unit(m.sinr, 'dB')}</td>
              <td data-label="Health">{m.healthScore ?? '—'}</td>
              <td data-label="ICCID">{m.iccid ?? '—'}</td>
              <td data-label="IMEI">{m.imei ?? '—'}</td>
              <td data-label="IP">{m.ipv4Address ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
