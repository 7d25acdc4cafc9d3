import {
  ConflictError,
  type DomainError,
  ForbiddenError,
  NotFoundError,
  registeredErrorCodes,
  ValidationError,
} from '@ssp/core';
import { builder } from './builder.ts';

/** The one rule, shown where a client looks first (the `Error` interface and the docs). */
export const ERROR_RULE = [
  'An expected failure, with a stable `code` (see `ErrorCode`) and a message for people.',
  'One rule everywhere (docs/errors.md): a **mutation** returns every domain failure (validation, not found, forbidden, conflict), bad and wrong-type ids included, as a typed error in its payload union, and changes nothing.',
  'A **query** raises a domain failure as a top-level GraphQL error whose `extensions.code` is the same code (and `extensions.kind` its kind).',
  'Always top-level: `UNAUTHENTICATED` (no token: send `Authorization: Bearer <token>`, get one from `POST /oauth/token`), query limits and malformed documents.',
].join(' ');

/** The shape every typed error in a mutation payload shares. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: ERROR_RULE,
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, in words a developer can act on.' }),
  }),
});

let codesAdded = false;

/**
 * Adds `Error.code`, an enum of every code the domains declared. Called once by the schema's
 * assembly, after every domain package has loaded (each declares its codes when it loads).
 */
export function addErrorCodeField(): void {
  if (codesAdded) return;
  codesAdded = true;
  const ErrorCodeEnum = builder.enumType('ErrorCode', {
    description:
      'Stable codes for every expected failure: `Error.code` of a typed error, and `extensions.code` of a top-level error. New codes may be added; existing ones keep their meaning.',
    values: Object.fromEntries(
      registeredErrorCodes().map((definition) => [
        definition.code,
        {
          value: definition.code,
          description: `${definition.description} (${kindLabel(definition.kind)}; ${definition.domain})`,
        },
      ]),
    ),
  });
  builder.interfaceField(ErrorInterface, 'code', (t) =>
    t.field({
      type: ErrorCodeEnum,
      description: 'What failed, as a stable code to branch on (the message may change; the code does not).',
      resolve: (error) => error.code as never,
    }),
  );
}

function kindLabel(kind: string): string {
  return kind === 'UNAUTHENTICATED' ? 'top-level only' : `kind ${kind}`;
}

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description:
    'The input cannot be accepted (a bad value, a bad or wrong-type id, a disallowed transition). Nothing was changed.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({
    field: t.exposeString('field', {
      nullable: true,
      description: 'The path of the input field at fault, e.g. `input.rows.3.urn`, when one is.',
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'Nothing you may see has this id.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: "You may not do this (your roles, or it is another party's decision). Nothing was changed.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description:
    'The request clashes with what exists (a duplicate, a reused idempotency key, a state changed meanwhile). Nothing was changed.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
});
