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
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the table may scroll sideways, and a keyboard must be able to scroll it too.
    <section className="table-wrap card" style={{ padding: 0 }} tabIndex={0} aria-label="Network devices">
      <table className="data stack" data-testid="net-devices-table">
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
              <td data-label="Name">{d.name}</td>
              <td data-label="Type">{d.type === 'mdm' ? 'Modem' : d.type}</td>
              <td data-label="Port">{d.port ?? '—'}</td>
              <td data-label="Connection">{d.connectionState ?? '—'}</td>
              <td data-label="Carrier">{d.carrier ?? '—'}</td>
              <td data-label="IP">{d.ipv4Address ?? '—'}</td>
              <td data-label="ICCID">{d.iccid ?? '—'}</td>
              <td data-label="IMEI">{d.imei ?? '—'}</td>
              <td data-label="Model">{d.model ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
