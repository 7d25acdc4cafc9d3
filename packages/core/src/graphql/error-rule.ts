import { PothosValidationError } from '@pothos/core';
import { wrapOrThrow } from '@pothos/plugin-errors';
import { InputValidationError } from '@pothos/plugin-validation';
import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { CORE_ERRORS } from '../errors/core-error-codes.ts';
import { ValidationError } from '../errors/domain-error.ts';

// @pothos/plugin-relay's refusal of a global id of another type than `t.globalID({ for })` takes.
// It has no code and no hook; a test (tests/error-rule.test.ts) fails if its wording changes.
const WRONG_ID_TYPE = /^ID: .* is not of type: (.+)$/;

type ErrorClass = new (...args: never[]) => unknown;

/**
 * The refusals the plugins raise while reading arguments, as the domain errors they are: a
 * global id of the wrong type (WRONG_ID_TYPE) and a failed argument validation (INVALID_INPUT).
 */
export function asDomainError(error: unknown): unknown {
  if (error instanceof InputValidationError) {
    const [issue] = error.issues;
    const path = issue?.path?.map((part) => (typeof part === 'object' ? String(part.key) : String(part))).join('.');
    return new ValidationError(issue?.message ?? error.message, path || null, CORE_ERRORS.INVALID_INPUT);
  }
  if (error instanceof PothosValidationError) {
    const wrongType = WRONG_ID_TYPE.exec(error.message);
    if (wrongType) {
      return new ValidationError(
        `Expected an id of type ${wrongType[1]}; this id is of another type`,
        null,
        CORE_ERRORS.WRONG_ID_TYPE,
      );
    }
  }
  return error;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * Applies the one error rule (docs/errors.md) to every field that takes arguments or declares
 * typed errors. Argument decoding runs before the errors plugin and before scope-auth's errors
 * reach it, so without this a bad id or a refused scope in a mutation would escape its payload
 * union as a top-level error. Here, any domain error a field raises becomes a member of its union
 * when it has one (mutations), and stays a thrown domain error otherwise (queries: top-level, with
 * its code in `extensions.code`).
 */
export function applyErrorRule(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown> | undefined;
      const errorTypes = field.extensions?.pothosErrors as ErrorClass[] | undefined;
      if (!resolve || (field.args.length === 0 && !errorTypes)) continue;
      const answer = (error: unknown): unknown => {
        const domainError = asDomainError(error);
        if (errorTypes) return wrapOrThrow(domainError as Error, errorTypes);
        throw domainError;
      };
      field.resolve = (root, args, context, info) => {
        try {
          const result = resolve(root, args, context, info);
          return isThenable(result) ? Promise.resolve(result).catch(answer) : result;
        } catch (error) {
          return answer(error);
        }
      };
    }
  }
  return schema;
}
