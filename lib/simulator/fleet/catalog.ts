/** Fixed reference data the generated fleet draws from: metros, products, firmware, device kinds. */

export interface Metro {
  code: string;
  name: string;
  lat: number;
  lon: number;
  locality: string;
}

export const METROS: readonly Metro[] = [
  { code: 'DEN', name: 'Denver', lat: 39.7392, lon: -104.9903, locality: 'US/Mountain' },
  { code: 'DAL', name: 'Dallas', lat: 32.7767, lon: -96.797, locality: 'US/Central' },
  { code: 'ATL', name: 'Atlanta', lat: 33.749, lon: -84.388, locality: 'US/Eastern' },
  { code: 'SEA', name: 'Seattle', lat: 47.6062, lon: -122.3321, locality: 'US/Pacific' },
  { code: 'CHI', name: 'Chicago', lat: 41.8781, lon: -87.6298, locality: 'US/Central' },
];

export interface ProductInfo {
  id: number;
  name: string;
  series: number;
  fullName: string;
  modemModel: string;
}

export const PRODUCTS: readonly ProductInfo[] = [
  { id: 1, name: 'IBR1700', series: 5, fullName: 'IBR1700-600M', modemModel: 'EM7511' },
  { id: 2, name: 'IBR900', series: 4, fullName: 'IBR900-600M', modemModel: 'MC7455' },
  { id: 3, name: 'R1900', series: 6, fullName: 'R1900-5GB', modemModel: 'EM9191' },
  { id: 4, name: 'IBR200', series: 5, fullName: 'IBR200-10M', modemModel: 'WP7610' },
  { id: 5, name: 'E300', series: 5, fullName: 'E300-C18B', modemModel: 'EM7565' },
  { id: 6, name: 'E3000', series: 6, fullName: 'E3000-C18B', modemModel: 'EM7565' },
  { id: 7, name: 'AER2200', series: 4, fullName: 'AER2200-600M', modemModel: 'MC7455' },
  { id: 8, name: 'CBA850', series: 3, fullName: 'CBA850LP6', modemModel: 'MC7354' },
];

/** Each product ships three firmware releases; the oldest is deprecated, the newest is the group target. */
export const FIRMWARE_VERSIONS = ['7.24.40', '7.24.80', '7.25.10'] as const;
export const FIRMWARE_RELEASED = [
  '2025-09-16T00:00:00+00:00',
  '2026-01-13T00:00:00+00:00',
  '2026-05-05T00:00:00+00:00',
];
export const firmwareId = (productIdx: number, versionIdx: number) => 101 + productIdx * 10 + versionIdx;

export interface Kind {
  code: string;
  vehicle: boolean;
  /** Relative frequency; vehicles total 30 %. */
  weight: number;
  products: readonly number[]; // indexes into PRODUCTS
  description: string;
}

export const KINDS: readonly Kind[] = [
  { code: 'BUS', vehicle: true, weight: 14, products: [0, 2], description: 'Transit bus' },
  { code: 'PD', vehicle: true, weight: 9, products: [0, 2, 1], description: 'Police patrol car' },
  { code: 'VAN', vehicle: true, weight: 7, products: [1, 3], description: 'Service van' },
  { code: 'SHOP', vehicle: false, weight: 30, products: [4, 5, 6], description: 'Retail store' },
  { code: 'KIOSK', vehicle: false, weight: 22, products: [7, 3, 4], description: 'Self-service kiosk' },
  { code: 'SITE', vehicle: false, weight: 18, products: [5, 6], description: 'Utility site' },
];

export interface SubaccountTemplate {
  name: string;
  kinds: readonly string[];
}

/** The first four always exist so every kind has a natural home; the rest are optional extras. */
export const SUBACCOUNTS: readonly SubaccountTemplate[] = [
  { name: 'Metro Transit', kinds: ['BUS'] },
  { name: 'City Police', kinds: ['PD'] },
  { name: 'Retail Stores', kinds: ['SHOP'] },
  { name: 'Kiosk Network', kinds: ['KIOSK'] },
  { name: 'Field Services', kinds: ['VAN'] },
  { name: 'Utilities', kinds: ['SITE'] },
  { name: 'School District', kinds: [] },
  { name: 'Public Works', kinds: [] },
];

export const CARRIERS = ['Verizon', 'AT&T', 'T-Mobile', 'FirstNet'] as const;
/** Carrier MCC/MNC-ish home carrier ids and ICCID issuer prefixes, for plausible identifiers. */
export const CARRIER_HOME = ['Verizon Wireless', 'AT&T', 'T-Mobile', 'FirstNet'];
export const ICCID_PREFIX = ['891480', '8901410', '8901260', '8901170'];
