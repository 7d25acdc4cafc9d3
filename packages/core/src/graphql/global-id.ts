import { CORE_ERRORS } from '../errors/core-error-codes.ts';
import { ValidationError } from '../errors/domain-error.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPENAME = /^[A-Z][A-Za-z0-9]*$/;

/**
 * Decodes a Relay global id (`base64("Type:uuid")`) and refuses anything else with a clear
 * error before it can reach SQL as a malformed uuid.
 */
export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator < 0 || !TYPENAME.test(typename) || !UUID.test(id)) {
    throw new ValidationError(
      `Invalid global ID: ${JSON.stringify(globalId.slice(0, 80))}`,
      null,
      CORE_ERRORS.INVALID_ID,
    );
  }
  return { typename, id: id.toLowerCase() };
}

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`).toString('base64');
}

/**
 * Decodes a global id, or null when it is not one. For `node` and `nodes`, where a malformed id
 * is simply an id that names nothing: null, as for any object that does not exist.
 */
export function tryDecodeGlobalId(globalId: string): { typename: string; id: string } | null {
  try {
    return decodeGlobalId(globalId);
  } catch {
    return null;
  }
}
