/**
 * Error codes: each domain declares its own with `defineErrorCodes` (as Twenty does, one enum of
 * codes per domain), and the gateway turns every declared code into one GraphQL enum,
 * `ErrorCode`, each value described. A code is stable once published: clients branch on it.
 */

/** What kind of failure a code is: the typed error it travels in (or none, for UNAUTHENTICATED). */
export type ErrorKind = 'VALIDATION' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAUTHENTICATED';

declare const errorKind: unique symbol;

/** A declared code, carrying its kind so that a ConflictError cannot be given a NOT_FOUND code. */
export type ErrorCode<Kind extends ErrorKind = ErrorKind> = string & { readonly [errorKind]: Kind };

export interface ErrorCodeDefinition {
  kind: ErrorKind;
  /** Shown in the schema: what happened and what the client can do about it. */
  description: string;
}

export interface RegisteredErrorCode extends ErrorCodeDefinition {
  code: string;
  /** The domain that declared it (`core`, `tenants`, `services`, `billing`, `shared-support`). */
  domain: string;
}

const registry = new Map<string, RegisteredErrorCode>();

/**
 * Declares a domain's codes and returns them as typed constants. Codes are global: declaring one
 * twice (from two domains) is a programming error, caught when the package loads.
 */
export function defineErrorCodes<const Definitions extends Record<string, ErrorCodeDefinition>>(
  domain: string,
  definitions: Definitions,
): { readonly [Code in keyof Definitions]: ErrorCode<Definitions[Code]['kind']> } {
  for (const [code, definition] of Object.entries(definitions)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(code)) throw new Error(`Error code ${code} is not UPPER_SNAKE_CASE`);
    const existing = registry.get(code);
    if (existing && existing.domain !== domain) {
      throw new Error(`Error code ${code} is declared by both ${existing.domain} and ${domain}`);
    }
    registry.set(code, { code, domain, ...definition });
  }
  return Object.fromEntries(Object.keys(definitions).map((code) => [code, code])) as never;
}

/** Every declared code, in declaration order (core first, then each domain as it loads). */
export function registeredErrorCodes(): readonly RegisteredErrorCode[] {
  return [...registry.values()];
}
