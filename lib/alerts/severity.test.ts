import { describe, expect, it } from 'vitest';
import { SEVERITIES, SEVERITY_BY_TYPE, severityOf } from './severity';

describe('severity table', () => {
  it('maps the simulator and NCM types', () => {
    expect(severityOf('router_offline')).toBe('critical');
    expect(severityOf('wan_failover')).toBe('error');
    expect(severityOf('signal_degraded')).toBe('warning');
    expect(severityOf('router_online')).toBe('info');
    expect(severityOf('ipsec_tunnel_down')).toBe('critical');
  });

  it('shows unknown types as info instead of dropping them', () => {
    expect(severityOf('something_new')).toBe('info');
    expect(severityOf('__proto__')).toBe('info');
    expect(severityOf('constructor')).toBe('info');
  });

  it('only uses known severities', () => {
    for (const s of Object.values(SEVERITY_BY_TYPE)) expect(SEVERITIES).toContain(s);
  });
});
