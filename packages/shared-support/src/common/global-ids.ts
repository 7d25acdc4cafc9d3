import { CORE_ERRORS, decodeGlobalId, encodeGlobalId, ValidationError } from '@ssp/core';

/** The uuid inside a global id of the expected type; a ValidationError naming the field otherwise. */
export function idOf(globalId: string, typename: string, field: string): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalId(globalId);
  } catch {
    throw new ValidationError(`Not a global id`, field, CORE_ERRORS.INVALID_ID);
  }
  if (decoded.typename !== typename) {
    throw new ValidationError(`Expected the id of a ${typename}`, field, CORE_ERRORS.WRONG_ID_TYPE);
  }
  return decoded.id;
}

export function globalIdOf(typename: string, id: string): string {
  return encodeGlobalId(typename, id);
}
