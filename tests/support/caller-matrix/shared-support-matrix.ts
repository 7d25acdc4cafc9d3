import type { Operation } from '../test-app.ts';
import type { Caller, MatrixContext, MatrixSubjects, MatrixTable } from './caller-matrix.ts';
import { mutationOf } from './caller-matrix.ts';
import { keyOf, organisationIdOf, outcomes, setUp } from './matrix-operations.ts';

// The shared-support domain: a member of the Lincolnshire working group (North Kesteven) keeps
// its support people, asks for and gives help, holds rota shifts and recovery plans, and joins or
// leaves the sharing; the partnership organisation itself (its tenant admins) runs the programme.
// Here the "delegated" callers are the partnership's own members; Lancashire is an outsider.

const PARTNERSHIP = 'lincolnshire-public-sector-working-group';
const OTHER_MEMBER = 'boston-borough-council';

export const SHARED_SUPPORT_SUBJECTS: MatrixSubjects = {
  subject: 'north-kesteven-district-council',
  outsider: 'lancashire-county-council',
  delegatedTo: PARTNERSHIP,
};

const partnershipId = (context: MatrixContext) => organisationIdOf(context, PARTNERSHIP);
const agentOf = (context: MatrixContext, slug: string) => context.token(slug, ['service_agent']);

function withSelection(operation: Operation, selection: string): Operation {
  return { ...operation, query: operation.query.replace('__typename', `__typename ${selection}`) };
}

/** A fresh support person of `slug`, saved by its service agent. */
async function person(context: MatrixContext, slug: string, unique: string): Promise<string> {
  const saved = await setUp<{ person: { id: string } }>(
    context,
    withSelection(
      mutationOf('saveSupportPerson', {
        fullName: keyOf('Matrix Engineer', unique),
        roleTitle: 'Engineer',
        skills: [{ skillCode: 'firewalls', level: 3 }],
        idempotencyKey: keyOf('person', unique),
      }),
      '... on SupportPersonPayload { person { id } }',
    ),
    await agentOf(context, slug),
  );
  return saved.person.id;
}

/** A fresh support person of `slug` as the partnership's directory shows it to `viewer` (a SharedPerson id). */
async function sharedPerson(context: MatrixContext, slug: string, viewer: string, unique: string): Promise<string> {
  await person(context, slug, unique);
  const fullName = keyOf('Matrix Engineer', unique);
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const read: {
      directory: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string; fullName: string }[] };
    } = await setUp(
      context,
      {
        query: `query D($p: ID!, $after: String) { sharedSupport(partnershipId: $p) {
            directory(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id fullName } } } }`,
        variables: { p: partnershipId(context), after },
      },
      await agentOf(context, viewer),
    );
    const found = read.directory.nodes.find((node) => node.fullName === fullName);
    if (found) return found.id;
    if (!read.directory.pageInfo.hasNextPage) break;
    after = read.directory.pageInfo.endCursor;
  }
  throw new Error(`${fullName} is not in the directory`);
}

let day = 0;

/** A date `day` days into a quiet stretch of 2027 no other call uses (ISO, date only). */
function freshDay(offset = 0): string {
  return new Date(Date.UTC(2027, 0, 1 + day * 3 + offset)).toISOString().slice(0, 10);
}

/** A fresh help request of the subject (or of `slug`). */
async function helpRequest(context: MatrixContext, caller: Caller, slug = context.subjects.subject): Promise<string> {
  day += 1;
  const requested = await setUp<{ request: { id: string } }>(
    context,
    withSelection(
      mutationOf('requestHelp', requestHelpInput(context, caller)),
      '... on HelpRequestPayload { request { id } }',
    ),
    await agentOf(context, slug),
  );
  return requested.request.id;
}

function requestHelpInput(context: MatrixContext, caller: Caller): Record<string, unknown> {
  return {
    partnershipId: partnershipId(context),
    skillCode: 'firewalls',
    minimumLevel: 2,
    startsOn: freshDay(),
    endsOn: freshDay(2),
    daysNeeded: 2,
    description: 'Our firewall needs a rebuild',
    agencyDayRate: '600.00',
    idempotencyKey: keyOf('help', caller.unique),
  };
}

const pricedProgrammes = new WeakSet<MatrixContext>();

/** Loans are priced at the programme's day rate: its partnership admin agrees one first. */
async function agreeDayRate(context: MatrixContext): Promise<void> {
  if (pricedProgrammes.has(context)) return;
  await setUp(
    context,
    mutationOf('updateSharedSupportProgramme', { startedOn: '2026-04-01', dayRate: '250.00' }),
    await context.token(PARTNERSHIP, ['tenant_admin']),
  );
  pricedProgrammes.add(context);
}

/** A fresh offer from another member to a fresh help request of the subject (accepted when asked). */
async function loan(context: MatrixContext, caller: Caller, accepted = false): Promise<string> {
  await agreeDayRate(context);
  const requestId = await helpRequest(context, caller);
  const offered = await setUp<{ loan: { id: string } }>(
    context,
    withSelection(
      mutationOf('offerHelp', {
        partnershipId: partnershipId(context),
        requestId,
        personId: await person(context, OTHER_MEMBER, caller.unique),
        startsOn: freshDay(),
        endsOn: freshDay(1),
        daysOffered: 2,
        idempotencyKey: keyOf('offer', caller.unique),
      }),
      '... on HelpLoanPayload { loan { id } }',
    ),
    await agentOf(context, OTHER_MEMBER),
  );
  const loanId = offered.loan.id;
  if (accepted) {
    await setUp(
      context,
      mutationOf('acceptHelpOffer', { partnershipId: partnershipId(context), loanId }),
      await agentOf(context, context.subjects.subject),
    );
  }
  return loanId;
}

let evening = 0;

/** A fresh rota shift held by a fresh person of `slug`. */
async function shift(context: MatrixContext, slug: string, unique: string): Promise<string> {
  evening += 1;
  const added = await setUp<{ shift: { id: string } }>(
    context,
    withSelection(
      mutationOf('addRotaShift', shiftInput(context, await person(context, slug, unique), unique)),
      '... on RotaShiftPayload { shift { id } }',
    ),
    await agentOf(context, slug),
  );
  return added.shift.id;
}

function shiftInput(context: MatrixContext, personId: string, unique: string): Record<string, unknown> {
  // Out of hours only: an evening of its own for every shift.
  const startsAt = new Date(Date.UTC(2027, 5, 1 + evening, 19));
  return {
    partnershipId: partnershipId(context),
    personId,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
    idempotencyKey: keyOf('shift', unique),
  };
}

/** A swap another member proposes of its shift to a fresh person of the subject. */
async function swap(context: MatrixContext, caller: Caller): Promise<string> {
  const proposed = await setUp<{ swap: { id: string } }>(
    context,
    withSelection(
      mutationOf('proposeRotaSwap', {
        partnershipId: partnershipId(context),
        shiftId: await shift(context, OTHER_MEMBER, caller.unique),
        toPersonId: await sharedPerson(context, context.subjects.subject, OTHER_MEMBER, `${caller.unique}-to`),
      }),
      '... on RotaSwapPayload { swap { id } }',
    ),
    await agentOf(context, OTHER_MEMBER),
  );
  return proposed.swap.id;
}

/** A fresh recovery model of the partnership (a member adopts each model once). */
async function recoveryTemplate(context: MatrixContext, unique: string): Promise<string> {
  const created = await setUp<{ templateId: string }>(
    context,
    withSelection(
      mutationOf('createRecoveryTemplate', recoveryTemplateInput(unique)),
      '... on RecoveryTemplatePayload { templateId }',
    ),
    await context.token(PARTNERSHIP, ['tenant_admin']),
  );
  return created.templateId;
}

function recoveryTemplateInput(unique: string): Record<string, unknown> {
  return {
    name: keyOf('Matrix cyber model', unique),
    description: 'Recovering from ransomware',
    testIntervalDays: 180,
    items: [{ name: 'Backups', category: 'SYSTEM', priority: 1, rtoHours: 72, rpoHours: 24 }],
  };
}

/** The first item of a recovery plan the subject adopts afresh. */
async function planItem(context: MatrixContext, caller: Caller): Promise<string> {
  const adopted = await setUp<{ plan: { items: { id: string }[] } }>(
    context,
    withSelection(
      mutationOf('adoptRecoveryPlan', {
        partnershipId: partnershipId(context),
        templateId: await recoveryTemplate(context, caller.unique),
      }),
      '... on RecoveryPlanPayload { plan { items { id } } }',
    ),
    await agentOf(context, context.subjects.subject),
  );
  return adopted.plan.items[0]?.id as string;
}

/**
 * Support work: a member's tenant admins and service agents. It is the members' own: a
 * platform admin acts for no member, and the partnership organisation is not one of them.
 */
const SUPPORT_STAFF = outcomes(['tenant_admin', 'service_agent'], {
  outsider: 'NOT_FOUND',
  platform_admin: 'MEMBERS_ONLY',
  delegated_admin: 'NOT_FOUND',
  delegated_agent: 'NOT_FOUND',
});

/** What only the partnership organisation's tenant admins run (a member's tenant admin may not). */
const PARTNERSHIP_ADMINS = outcomes(['delegated_admin'], {
  tenant_admin: 'PARTNERSHIP_ADMIN_REQUIRED',
  outsider: 'PARTNERSHIP_ADMIN_REQUIRED',
  platform_admin: 'MEMBERS_ONLY',
});

/** Joining and leaving: a member's tenant admin decides. */
const MEMBER_ADMINS = outcomes(['tenant_admin'], {
  outsider: 'NOT_FOUND',
  platform_admin: 'MEMBERS_ONLY',
  delegated_admin: 'NOT_FOUND',
});

/** A list of the caller's own organisation's support rows: its support staff read it, wherever it is. */
const OWN_SUPPORT_LIST = outcomes(['outsider', 'tenant_admin', 'service_agent', 'delegated_admin', 'delegated_agent'], {
  platform_admin: 'ROLE_REQUIRED',
});

export const SHARED_SUPPORT_MATRIX: MatrixTable = {
  saveSupportPerson: {
    operation: (_context, caller) =>
      mutationOf('saveSupportPerson', {
        fullName: keyOf('Matrix Person', caller.unique),
        roleTitle: 'Engineer',
        skills: [{ skillCode: 'firewalls', level: 2 }],
        idempotencyKey: keyOf('save', caller.unique),
      }),
    // A person is saved into the caller's own organisation: an outsider keeps its own people.
    outcomes: { ...SUPPORT_STAFF, outsider: 'ok', delegated_admin: 'ok', delegated_agent: 'ok' },
  },
  removeSupportPerson: {
    operation: async (context, caller) =>
      mutationOf('removeSupportPerson', { personId: await person(context, context.subjects.subject, caller.unique) }),
    outcomes: SUPPORT_STAFF,
  },
  requestHelp: {
    operation: (context, caller) => {
      day += 1;
      return mutationOf('requestHelp', requestHelpInput(context, caller));
    },
    outcomes: SUPPORT_STAFF,
  },
  withdrawHelpRequest: {
    operation: async (context, caller) =>
      mutationOf('withdrawHelpRequest', {
        partnershipId: partnershipId(context),
        requestId: await helpRequest(context, caller),
      }),
    outcomes: SUPPORT_STAFF,
  },
  offerHelp: {
    operation: async (context, caller) => {
      // The subject offers help to another member's request.
      await agreeDayRate(context);
      const requestId = await helpRequest(context, caller, OTHER_MEMBER);
      return mutationOf('offerHelp', {
        partnershipId: partnershipId(context),
        requestId,
        personId: await person(context, context.subjects.subject, caller.unique),
        startsOn: freshDay(),
        endsOn: freshDay(1),
        daysOffered: 2,
        idempotencyKey: keyOf('offer', caller.unique),
      });
    },
    outcomes: SUPPORT_STAFF,
  },
  acceptHelpOffer: {
    operation: async (context, caller) =>
      mutationOf('acceptHelpOffer', { partnershipId: partnershipId(context), loanId: await loan(context, caller) }),
    outcomes: SUPPORT_STAFF,
  },
  declineHelpOffer: {
    operation: async (context, caller) =>
      mutationOf('declineHelpOffer', { partnershipId: partnershipId(context), loanId: await loan(context, caller) }),
    outcomes: SUPPORT_STAFF,
  },
  recordHelpGiven: {
    operation: async (context, caller) =>
      mutationOf('recordHelpGiven', {
        partnershipId: partnershipId(context),
        loanId: await loan(context, caller, true),
        daysGiven: 2,
      }),
    outcomes: SUPPORT_STAFF,
  },
  addRotaShift: {
    operation: async (context, caller) => {
      evening += 1;
      return mutationOf(
        'addRotaShift',
        shiftInput(context, await person(context, context.subjects.subject, caller.unique), caller.unique),
      );
    },
    outcomes: SUPPORT_STAFF,
  },
  proposeRotaSwap: {
    operation: async (context, caller) =>
      mutationOf('proposeRotaSwap', {
        partnershipId: partnershipId(context),
        shiftId: await shift(context, context.subjects.subject, caller.unique),
        toPersonId: await sharedPerson(context, OTHER_MEMBER, context.subjects.subject, `${caller.unique}-to`),
      }),
    outcomes: SUPPORT_STAFF,
  },
  acceptRotaSwap: {
    operation: async (context, caller) =>
      mutationOf('acceptRotaSwap', { partnershipId: partnershipId(context), swapId: await swap(context, caller) }),
    outcomes: SUPPORT_STAFF,
  },
  declineRotaSwap: {
    operation: async (context, caller) =>
      mutationOf('declineRotaSwap', { partnershipId: partnershipId(context), swapId: await swap(context, caller) }),
    outcomes: SUPPORT_STAFF,
  },
  setRotaShare: {
    operation: (context) => mutationOf('setRotaShare', { memberId: organisationIdOf(context), weight: 2 }),
    outcomes: PARTNERSHIP_ADMINS,
  },
  updateSharedSupportProgramme: {
    operation: () => mutationOf('updateSharedSupportProgramme', { startedOn: '2026-04-01', dayRate: '250.00' }),
    outcomes: PARTNERSHIP_ADMINS,
  },
  createRecoveryTemplate: {
    operation: (_context, caller) => mutationOf('createRecoveryTemplate', recoveryTemplateInput(caller.unique)),
    outcomes: PARTNERSHIP_ADMINS,
  },
  adoptRecoveryPlan: {
    operation: async (context, caller) =>
      mutationOf('adoptRecoveryPlan', {
        partnershipId: partnershipId(context),
        templateId: await recoveryTemplate(context, caller.unique),
      }),
    outcomes: SUPPORT_STAFF,
  },
  recordRecoveryTest: {
    operation: async (context, caller) =>
      mutationOf('recordRecoveryTest', {
        planItemId: await planItem(context, caller),
        testedOn: '2026-05-01',
        outcome: 'PASSED',
        idempotencyKey: keyOf('recovery-test', caller.unique),
      }),
    outcomes: SUPPORT_STAFF,
  },
  joinSharedSupport: {
    operation: (context) =>
      mutationOf('joinSharedSupport', {
        partnershipId: partnershipId(context),
        shares: { name: true, role: true, skills: true, contact: true, availability: true },
      }),
    outcomes: MEMBER_ADMINS,
  },
  leaveSharedSupport: {
    operation: (context) => mutationOf('leaveSharedSupport', { partnershipId: partnershipId(context) }),
    // Leaving and joining again, so every caller finds the subject a member.
    undo: async (context) => {
      await setUp(
        context,
        mutationOf('joinSharedSupport', {
          partnershipId: partnershipId(context),
          shares: { name: true, role: true, skills: true, contact: true, availability: true },
        }),
        await context.token(context.subjects.subject, ['tenant_admin']),
      );
    },
    outcomes: MEMBER_ADMINS,
  },
  sharedSupport: {
    operation: (context) => ({
      query: 'query Matrix($p: ID!) { sharedSupport(partnershipId: $p) { directory(first: 1) { nodes { id } } } }',
      variables: { p: partnershipId(context) },
    }),
    // Null for whoever shares nothing there; finance is refused by the directory's own rule.
    // The partnership organisation reads its own partnership's shared rows.
    outcomes: {
      ...SUPPORT_STAFF,
      outsider: 'null',
      requester: 'null',
      platform_admin: 'null',
      delegated_admin: 'ok',
      delegated_agent: 'ok',
    },
  },
  sharingAgreement: {
    operation: (context) => ({
      query: 'query Matrix($p: ID!) { sharingAgreement(partnershipId: $p) { optedIn } }',
      variables: { p: partnershipId(context) },
    }),
    // Every member of the subject reads its own agreement; anyone else has none (null).
    outcomes: outcomes(['tenant_admin', 'finance', 'service_agent', 'requester'], {
      outsider: 'null',
      platform_admin: 'null',
      delegated_admin: 'null',
      delegated_finance: 'null',
      delegated_agent: 'null',
    }),
  },
  supportPeople: {
    operation: () => ({ query: '{ supportPeople(first: 5) { nodes { id } } }' }),
    // The caller's own people: an outsider lists its own; a platform admin has none.
    outcomes: OWN_SUPPORT_LIST,
  },
  supportSkills: {
    operation: () => ({ query: '{ supportSkills(first: 5) { nodes { __typename } } }' }),
    // The skills vocabulary is platform-wide: every signed-in caller reads it.
    outcomes: outcomes([
      'outsider',
      'tenant_admin',
      'finance',
      'service_agent',
      'requester',
      'platform_admin',
      'delegated_admin',
      'delegated_finance',
      'delegated_agent',
    ]),
  },
  recoveryPlans: {
    operation: () => ({ query: '{ recoveryPlans(first: 5) { nodes { id } } }' }),
    outcomes: OWN_SUPPORT_LIST,
  },
};
