import 'server-only';
/**
 * What NCM said about the fields of a request it refused (400/422), in NCM's own field names. Only
 * short, plain messages tied to a field name survive: an error body may echo anything, keys
 * included, so a message holding one of `secrets` (or anything that is not a line of text) is
 * dropped, never shown or logged. Known shapes: `{"exception": {"message": "name: …"}}` (NCM and the
 * simulator), `{"errors": [{"field": "name", "message": "…"}]}` and `{"name": ["…"]}`.
 */
import { hasUnsafeCharacters } from '@/lib/dto/routers';

export interface FieldMessage {
  field: string;
  message: string;
}

const FIELD = /^[a-z][a-z0-9_]{0,63}$/;
const PREFIXED = /^([a-z][a-z0-9_]{0,63}):\s*(.+)$/s;
const NOT_FIELDS = new Set(['exception', 'errors', 'message', 'detail', 'success', 'type']);
const MAX_MESSAGE = 200;

function clean(message: unknown, secrets: readonly string[]): string | null {
  if (typeof message !== 'string') return null;
  const text = message.replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > MAX_MESSAGE || hasUnsafeCharacters(text, false)) return null;
  if (secrets.some((secret) => secret.length >= 4 && text.includes(secret))) return null;
  return text;
}

export function fieldMessages(body: unknown, secrets: readonly string[]): FieldMessage[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const found: FieldMessage[] = [];
  const add = (field: unknown, message: unknown) => {
    const text = clean(message, secrets);
    if (typeof field === 'string' && FIELD.test(field) && text && !found.some((f) => f.field === field))
      found.push({ field, message: text });
  };
  const record = body as Record<string, unknown>;
  const exception = record.exception;
  if (typeof exception === 'object' && exception !== null) {
    const match = PREFIXED.exec(String((exception as Record<string, unknown>).message ?? ''));
    if (match) add(match[1], match[2]);
  }
  if (Array.isArray(record.errors)) {
    for (const e of record.errors)
      if (typeof e === 'object' && e !== null)
        add((e as Record<string, unknown>).field, (e as Record<string, unknown>).message);
  }
  for (const [key, value] of Object.entries(record)) {
    if (NOT_FIELDS.has(key)) continue;
    add(key, Array.isArray(value) ? value[0] : value);
  }
  return found;
}
