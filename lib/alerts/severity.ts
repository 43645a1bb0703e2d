/**
 * The one table that turns an NCM alert type into a severity. NCM itself sends no severity on real
 * alerts (the simulator adds one; we ignore it so both behave the same). Browser-safe: the filter
 * menu and the badge use it too.
 */
export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_BY_TYPE: Readonly<Record<string, Severity>> = {
  router_offline: 'critical',
  unit_offline: 'critical',
  ipsec_tunnel_down: 'critical',
  wan_failover: 'error',
  failover: 'error',
  wan_down: 'error',
  modem_wan_disconnected: 'error',
  signal_degraded: 'warning',
  low_signal: 'warning',
  data_usage_threshold: 'warning',
  temperature_threshold: 'warning',
  router_online: 'info',
  ipsec_tunnel_up: 'info',
  firmware_upgrade: 'info',
  config_change: 'info',
  test_alert: 'info',
};

/** Unknown types are shown, never hidden: they fall to 'info' so a new NCM type still appears. */
export function severityOf(type: string): Severity {
  return Object.hasOwn(SEVERITY_BY_TYPE, type) ? SEVERITY_BY_TYPE[type] : 'info';
}

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};
