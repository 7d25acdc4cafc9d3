import { seedOfferingId } from '@ssp/seeds';

// The global ids of offerings and requests, as the tests under tests/services build and read them
// (their query factories are in tests/support/queries).

/** The global id the API gives a seeded offering (Relay's `Type:id`, base64). */
export function offeringGlobalId(code: string): string {
  return Buffer.from(`ServiceOffering:${seedOfferingId(code)}`).toString('base64');
}

/** The global id of a request, from its row id. */
export function requestGlobalId(requestId: string): string {
  return Buffer.from(`ServiceRequest:${requestId}`).toString('base64');
}

/** The row id inside a request's global id. */
export function requestRowId(globalId: string): string {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  if (!decoded.startsWith('ServiceRequest:')) throw new Error(`Not a ServiceRequest global id: ${decoded}`);
  return decoded.slice('ServiceRequest:'.length);
}
