import {
  ConflictError,
  type DomainError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../errors/domain-error.ts';
import { builder } from './builder.ts';

/** The shape every typed error in a mutation payload shares. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure, returned in a payload instead of a GraphQL error.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, in words a developer can act on.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input cannot be accepted. Nothing was changed.',
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
  description: 'Your roles do not allow this action. Nothing was changed.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The request clashes with what exists (a duplicate or a reused idempotency key). Nothing was changed.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
});
