import type { InputObjectRef, ObjectRef } from '@pothos/core';
import {
  type ForbiddenError,
  type MembershipRole,
  type MutationCaller,
  type PlatformTransaction,
  type RequestContext,
  requestActor,
  requestTransaction,
  requireRole,
} from '@ssp/core';
import { builder, type PlatformSchemaTypes } from './builder.ts';

type Types = PothosSchemaTypes.ExtendDefaultTypes<PlatformSchemaTypes>;

// The one form of a mutation (docs/architecture.md, "A mutation"): its input, its payload, who
// may call it (checked by scope-auth on the field, before anything runs) and the one domain
// service it runs. The service validates, writes, and records its audit event in the same
// transaction; the form maps nothing but the caller in and the service's result out. Every
// domain failure the service throws is a typed error in the payload union (errors plugin,
// `directResult`), so the rule of docs/errors.md holds by construction.

/**
 * Who may call a mutation.
 * - `{ platformAdmin: true }`: platform admins only (the caller matrix's ROLE_REQUIRED otherwise).
 * - `{ roles, action }`: a caller holding one of `roles` in the organisation it acts for; a
 *   platform admin passes unless `refusePlatformAdmin` says what refuses it (shared support, say,
 *   is the members' own). `action` names the act in the ROLE_REQUIRED message.
 * - `{ authenticated: true }`: any known caller; the service's own rule decides (say, "only the
 *   customer decides" or "only the asking member"), with its own code.
 */
export type MutationCallers =
  | { platformAdmin: true }
  | { authenticated: true }
  | { roles: readonly MembershipRole[]; action: string; refusePlatformAdmin?: () => ForbiddenError };

/** The error classes a payload union may hold (the builder's four by default). */
type ErrorClass = new (...args: never[]) => Error;

export interface MutationDefinition<Input, Result> {
  description: string;
  input: InputObjectRef<Types, Input>;
  /** Describes the `input` argument. */
  inputDescription: string;
  payload: ObjectRef<Types, Result>;
  callers: MutationCallers;
  /** More error types than the default four (rarely: every domain error is one of the four kinds). */
  errors?: ErrorClass[];
  /** Calls the one service and returns what the payload shows. */
  run(input: Input, caller: MutationCaller, tx: PlatformTransaction): Promise<Result>;
}

/**
 * The field-level rule scope-auth evaluates. A role refusal is thrown as the domain's own
 * ForbiddenError (ROLE_REQUIRED naming the roles that may, or the refusing code), which the
 * unauthorised-error hook passes through; no caller is UNAUTHENTICATED.
 */
function mayCall(callers: MutationCallers, context: RequestContext) {
  if (!context.actor) return { authenticated: true } as const;
  if ('platformAdmin' in callers) return { platformAdmin: true } as const;
  if ('roles' in callers) {
    const actor = requestActor(context);
    requireRole(actor, callers.roles, callers.action);
    if (actor.platformScope && callers.refusePlatformAdmin) throw callers.refusePlatformAdmin();
  }
  return true;
}

/** The caller a service receives. */
export function mutationCallerOf(context: RequestContext): MutationCaller {
  return { actor: requestActor(context), requestId: context.requestId };
}

/** Declares `Mutation.<name>(input: ...)` in the one form. */
export function defineMutation<Input, Result>(name: string, definition: MutationDefinition<Input, Result>): void {
  builder.mutationField(name, (t) =>
    t.field({
      // The generic refs lose Pothos' inference of the field's shapes; the definition is typed.
      type: definition.payload as ObjectRef<Types, unknown>,
      description: definition.description,
      authScopes: (_root, _args, context) => mayCall(definition.callers, context),
      errors: { ...(definition.errors ? { types: definition.errors } : {}), directResult: true },
      args: {
        input: t.arg({
          type: definition.input as InputObjectRef<Types, unknown>,
          required: true,
          description: definition.inputDescription,
        }),
      },
      resolve: (_root, args, context) =>
        definition.run(args.input as Input, mutationCallerOf(context), requestTransaction(context)),
    }),
  );
}
