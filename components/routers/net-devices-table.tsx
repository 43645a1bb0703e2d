import type { NetDeviceDto } from '@/lib/dto/routers';

export function NetDevicesTable({ devices }: { devices: NetDeviceDto[] }) {
  if (devices.length === 0) {
    return (
      <p className="card muted" data-testid="net-devices-empty">
        NCM reports no network devices for this router.
      </p>
    );
  }
  return (
    <div className="table-wrap card" style={{ padding: 0 }}>
      <table className="data" data-testid="net-devices-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Port</th>
            <th scope="col">Connection</th>
            <th scope="col">Carrier</th>
            <th scope="col">IP</th>
            <th scope="col">ICCID</th>
            <th scope="col">IMEI</th>
            <th scope="col">Model</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} data-testid="net-device-row">
              <td>{d.name}</td>
              <td>{d.type === 'mdm' ? 'Modem' : d.type}</td>
              <td>{d.port ?? '—'}</td>
              <td>{d.connectionState ?? '—'}</td>
              <td>{d.carrier ?? '—'}</td>
              <td>{d.ipv4Address ?? '—'}</td>
              <td>{d.iccid ?? '—'}</td>
              <td>{d.imei ?? '—'}</td>
              <td>{d.model ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
