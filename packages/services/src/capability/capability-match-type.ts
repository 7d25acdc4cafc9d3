import { requestActor, requestTransaction, requireRole, ValidationError } from '@ssp/core';
import { builder } from '@ssp/schema';
import { OrganisationKindEnum } from '@ssp/tenants';
import { ServiceOfferingRef } from '../catalogue/service-offering-type.ts';
import { type CapabilityMatch, matchCapabilities, type RequirementMatch } from './match-capabilities.ts';

type OfferingRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof requestTransaction>['query']['serviceOfferings']['findFirst']>>
>;
type MatchWithRows = Omit<CapabilityMatch, 'requirements'> & {
  requirements: (Omit<RequirementMatch, 'offerings' | 'notAllowedForKind'> & {
    offerings: OfferingRow[];
    notAllowedForKind: OfferingRow[];
  })[];
};

const MatchStatusEnum = builder.enumType('CapabilityMatchStatus', {
  description: 'How well the catalogue meets one requirement.',
  values: {
    MATCHED: { value: 'matched', description: 'An offering the organisation may take meets it.' },
    PARTIALLY_MATCHED: {
      value: 'partially_matched',
      description: 'Offerings cover part of it (shared words, not a full match): review them.',
    },
    NOT_OFFERED: { value: 'not_offered', description: 'Nothing the organisation may take meets it.' },
  } as const,
});

const RequirementMatchRef = builder.objectRef<MatchWithRows['requirements'][number]>('RequirementMatch').implement({
  description: 'One requirement and the offerings that meet it.',
  fields: (t) => ({
    requirement: t.string({ description: 'The requirement as given.', resolve: (r) => r.requirement }),
    status: t.field({ type: MatchStatusEnum, description: 'How well it is met.', resolve: (r) => r.status }),
    offerings: t.field({
      type: [ServiceOfferingRef],
      description: 'Offerings that meet it and this kind of organisation may take, best first (with their prices).',
      resolve: (r) => r.offerings,
    }),
    notAllowedForKind: t.field({
      type: [ServiceOfferingRef],
      description: 'Offerings that would meet it but this kind of organisation may not take.',
      resolve: (r) => r.notAllowedForKind,
    }),
  }),
});

const CapabilityMatchRef = builder.objectRef<MatchWithRows>('CapabilityMatch').implement({
  description: 'How a prospective customer requirements match the catalogue.',
  fields: (t) => ({
    fitPercent: t.int({
      description: 'Overall fit: requirements met (half for a partial match), as a whole percentage.',
      resolve: (m) => m.fitPercent,
    }),
    requirements: t.field({
      type: [RequirementMatchRef],
      description: 'Each requirement, offering references first, then the free-text lines, in the order given.',
      resolve: (m) => m.requirements,
    }),
  }),
});

const CapabilityMatchInput = builder.inputType('CapabilityMatchInput', {
  description: 'A prospective customer: its kind and what it needs.',
  fields: (t) => ({
    kind: t.field({ type: OrganisationKindEnum, required: true, description: 'What kind of organisation it is.' }),
    offeringIds: t.globalIDList({
      for: ServiceOfferingRef,
      required: false,
      description: 'Catalogue offerings it asks for by reference.',
    }),
    requirementLines: t.stringList({
      required: false,
      description:
        'Requirements in its own words, one per line (at most 200, each up to 500 characters). A line that only names a service line ("payroll", "IT") asks for every offering of that line its kind may take.',
    }),
  }),
});

builder.queryField('capabilityMatch', (t) =>
  t.field({
    type: CapabilityMatchRef,
    description:
      'Tenant and platform admins: how a prospective customer requirements match the catalogue, requirement by requirement, with an overall fit. Deterministic. At least one requirement (an offering id or a non-blank line) is needed: none is a validation error.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: CapabilityMatchInput, required: true, description: 'The prospect.' }) },
    resolve: async (_root, { input }, context) => {
      requireRole(requestActor(context), ['tenant_admin'], 'Capability matching');
      const lines = (input.requirementLines ?? []).map((line) => line.trim()).filter((line) => line !== '');
      if (lines.length > 200 || lines.some((line) => line.length > 500)) {
        throw new ValidationError('At most 200 requirement lines of up to 500 characters', 'input.requirementLines');
      }
      if (lines.length === 0 && (input.offeringIds ?? []).length === 0) {
        // A fit over nothing would read as 0 %, as if the catalogue met none of it.
        throw new ValidationError('Give at least one requirement: offeringIds or requirementLines', 'input');
      }
      const catalogue = await requestTransaction(context).query.serviceOfferings.findMany({ orderBy: { code: 'asc' } });
      const codeById = new Map(catalogue.map((offering) => [offering.id, offering.code]));
      const rowByCode = new Map(catalogue.map((offering) => [offering.code, offering]));
      const match = matchCapabilities({
        kind: input.kind,
        offeringCodes: (input.offeringIds ?? []).map(({ id }) => codeById.get(id) ?? id),
        requirementLines: lines,
        catalogue,
      });
      const rows = (offerings: { code: string }[]) => offerings.map((offering) => rowByCode.get(offering.code)!);
      return {
        fitPercent: match.fitPercent,
        requirements: match.requirements.map((requirement) => ({
          ...requirement,
          offerings: rows(requirement.offerings),
          notAllowedForKind: rows(requirement.notAllowedForKind),
        })),
      };
    },
  }),
);
