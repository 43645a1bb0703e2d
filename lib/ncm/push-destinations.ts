import 'server-only';
/**
 * Alert push destinations: where NCM POSTs new alerts (signed with the destination's secret). Keyed by
 * `destination_config_id`, a time UUID. NCM masks the secret on read, so callers keep their own copy.
 * Writes are not retried: ncmRequest retries GETs only.
 */
import { NcmError } from './errors';
import { ncmRequest } from './http';
import { normalizeList, toAlertPushDestination } from './normalize';
import { ncmPaginate } from './paginate';
import { assertId } from './resource-helpers';

export interface AlertPushDestination {
  id: string;
  name: string;
  url: string;
  enabled: boolean;
  suspended: boolean;
  lastErrorAt: string | null;
  lastErrorText: string | null;
}

export interface AlertPushDestinationInput {
  name: string;
  url: string;
  secret: string;
  enabled: boolean;
}

/** The body NCM expects, built field by field: nothing else can be sent. */
function destinationBody(input: Partial<AlertPushDestinationInput>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.name !== undefined) body.name = input.name;
  if (input.url !== undefined) {
    if (!/^https?:\/\//.test(input.url)) throw new NcmError('bad_request', 'Push destination URL must be http(s)');
    body.endpoint = { url: input.url };
  }
  if (input.secret !== undefined) body.authentication = { secret: input.secret };
  if (input.enabled !== undefined) body.enabled = input.enabled;
  if (Object.keys(body).length === 0) throw new NcmError('bad_request', 'No push destination fields given');
  return body;
}

export async function listAlertPushDestinations(): Promise<AlertPushDestination[]> {
  const records = await ncmPaginate(['alert_push_destinations'], { limit: 500 });
  return normalizeList(records, toAlertPushDestination, 'alert_push_destination');
}

export async function createAlertPushDestination(input: AlertPushDestinationInput): Promise<AlertPushDestination> {
  const response = await ncmRequest({
    method: 'POST',
    path: ['alert_push_destinations'],
    body: destinationBody(input),
  });
  return toAlertPushDestination(response.body);
}

export async function updateAlertPushDestination(
  id: string,
  changes: Partial<AlertPushDestinationInput>,
): Promise<AlertPushDestination> {
  const response = await ncmRequest({
    method: 'PATCH',
    path: ['alert_push_destinations', assertId(id, 'alert_push_destination')],
    body: destinationBody(changes),
  });
  return toAlertPushDestination(response.body);
}
