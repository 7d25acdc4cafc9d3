import { resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  ConflictError,
  checkedPageSize,
  describedEnumValues,
  ForbiddenError,
  mayReadRow,
  money,
  NotFoundError,
  type RequestContext,
  readableBy,
  requestActor,
  requestTransaction,
  requireReadAccess,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { builder, MoneyRef, moneyFromPence } from '@ssp/schema';
import type * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { globalIdOf, idOf } from '../common/global-ids.ts';
import { loadSharedNodes } from '../common/load-nodes.ts';
import { requireSharedPartnership } from '../common/partnership-context.ts';
import { SHARED_SUPPORT_READ_RULES } from '../common/read-rules.ts';
import { SUPPORT_ROLES } from '../common/roles.ts';
import { recordSharedReads } from '../common/shared-reads.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { SharedSupportRef } from '../sharing/shared-support-type.ts';
import {
  type HelpRequestView,
  type LoanView,
  loadHelpRequest,
  loadHelpRequests,
  loadHelpRequestsById,
  loadLoan,
  loadLoansById,
  loadMemberLoans,
} from './load-help.ts';
import { decideHelpOffer, offerHelp, recordTimeGiven, requestHelp, withdrawHelpRequest } from './manage-help.ts';

const HelpRequestStatusEnum = builder.enumType('HelpRequestStatus', {
  description: 'Where a request for help stands.',
  values: describedEnumValues<(typeof tables.helpRequestStatus.enumValues)[number]>({
    open: 'Waiting for offers.',
    filled: 'Accepted offers cover the days needed.',
    withdrawn: 'Withdrawn by the asking member.',
  }),
});

const HelpLoanStatusEnum = builder.enumType('HelpLoanStatus', {
  description: 'Where an offer of a named person stands.',
  values: describedEnumValues<(typeof tables.helpLoanStatus.enumValues)[number]>({
    offered: 'Offered, waiting for the asking member.',
    accepted: 'Accepted: priced at the partnership day rate.',
    declined: 'Declined by the asking member.',
  }),
});

/** Days times a rate in pence, exactly. */
function priced(days: number | null, ratePence: number | null) {
  if (days === null || ratePence === null) return null;
  return money.times(moneyFromPence(ratePence), days);
}

const OfferedPersonRef = builder.objectRef<NonNullable<LoanView['person']>>('OfferedPerson').implement({
  description: 'The person lent, as their organisation publishes them (unshared fields are null).',
  fields: (t) => ({
    fullName: t.exposeString('fullName', { nullable: true, description: 'Their name, if shared.' }),
    roleTitle: t.exposeString('roleTitle', { nullable: true, description: 'Their job title, if shared.' }),
    email: t.exposeString('email', { nullable: true, description: 'Their email, if contact details are shared.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Their telephone, if contact details are shared.' }),
  }),
});

export const HelpLoanRef = builder.node(builder.objectRef<LoanView>('HelpLoan'), {
  ...readableBy(SHARED_SUPPORT_READ_RULES.HelpLoan),
  authScopes: (loan, context) => mayReadRow(SHARED_SUPPORT_READ_RULES.HelpLoan, context.actor, loan),
  description:
    'A named person offered, and perhaps lent, by one member to another, priced at the partnership day rate.',
  id: { resolve: (l) => l.id, description: 'Opaque global id.' },
  loadMany: (ids, context) =>
    loadSharedNodes(context, ids, loadLoansById, 'help_loans', (l) => [l.lendingMemberId, l.requestingMemberId]),
  fields: (t) => ({
    requestId: t.id({ description: 'The request it answers.', resolve: (l) => globalIdOf('HelpRequest', l.requestId) }),
    lendingMemberId: t.id({
      description: 'The global id of the lending organisation.',
      resolve: (l) => globalIdOf('Organisation', l.lendingMemberId),
    }),
    lendingMemberName: t.exposeString('lendingMemberName', {
      nullable: true,
      description: 'The lending organisation; null once it has left shared support.',
    }),
    requestingMemberName: t.exposeString('requestingMemberName', {
      nullable: true,
      description: 'The asking organisation; null once it has left shared support.',
    }),
    personId: t.id({
      description: 'The global id of the person lent.',
      resolve: (l) => globalIdOf('SharedPerson', l.personId),
    }),
    person: t.field({
      type: OfferedPersonRef,
      nullable: true,
      description: 'The person as published now; null once their organisation no longer publishes them.',
      resolve: (l) => l.person,
    }),
    skillCode: t.exposeString('skillCode', { description: 'The skill asked for.' }),
    startsOn: t.exposeString('startsOn', { description: 'First day of the loan (YYYY-MM-DD).' }),
    endsOn: t.exposeString('endsOn', { description: 'Last day of the loan (YYYY-MM-DD).' }),
    daysOffered: t.exposeInt('daysOffered', { description: 'Days offered.' }),
    status: t.field({
      type: HelpLoanStatusEnum,
      description: 'Offered, accepted or declined.',
      resolve: (l) => l.status,
    }),
    dayRate: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'The partnership day rate fixed when the offer was accepted.',
      resolve: (l) => (l.dayRatePence === null ? null : moneyFromPence(l.dayRatePence)),
    }),
    agencyDayRate: t.field({
      type: MoneyRef,
      description: 'What an agency would have charged per day, as the asking member recorded it.',
      resolve: (l) => moneyFromPence(l.agencyDayRatePence),
    }),
    daysGiven: t.exposeInt('daysGiven', { nullable: true, description: 'Days actually given, once recorded.' }),
    value: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'Days given at the day rate: what the asking member owes the lender.',
      resolve: (l) => priced(l.daysGiven, l.dayRatePence),
    }),
    agencyCostAvoided: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'Days given at the agency rate: what an agency would have cost instead.',
      resolve: (l) => priced(l.daysGiven, l.agencyDayRatePence),
    }),
  }),
});

const HelpRequestRef = builder.node(builder.objectRef<HelpRequestView>('HelpRequest'), {
  ...readableBy(SHARED_SUPPORT_READ_RULES.HelpRequest),
  description: 'A member asking its partnership for help with a skill over a period.',
  id: { resolve: (r) => r.id, description: 'Opaque global id.' },
  loadMany: (ids, context) =>
    loadSharedNodes(context, ids, loadHelpRequestsById, 'help_requests', (r) => [
      r.requestingMemberId,
      ...r.loans.map((l) => l.lendingMemberId),
    ]),
  fields: (t) => ({
    requestingMemberId: t.id({
      description: 'The global id of the asking organisation.',
      resolve: (r) => globalIdOf('Organisation', r.requestingMemberId),
    }),
    requestingMemberName: t.exposeString('requestingMemberName', { description: 'The asking organisation.' }),
    skillCode: t.exposeString('skillCode', { description: 'The skill needed.' }),
    minimumLevel: t.exposeInt('minimumLevel', { description: 'The lowest level that will do (1 to 4).' }),
    startsOn: t.exposeString('startsOn', { description: 'First day of the period (YYYY-MM-DD).' }),
    endsOn: t.exposeString('endsOn', { description: 'Last day of the period (YYYY-MM-DD).' }),
    daysNeeded: t.exposeInt('daysNeeded', { description: 'Days of help needed within the period.' }),
    description: t.exposeString('description', { description: 'What the help is for.' }),
    agencyDayRate: t.field({
      type: MoneyRef,
      description: 'What an agency would charge per day.',
      resolve: (r) => moneyFromPence(r.agencyDayRatePence),
    }),
    status: t.field({
      type: HelpRequestStatusEnum,
      description: 'Open, filled or withdrawn.',
      resolve: (r) => r.status,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was asked.' }),
    offers: t.field({ type: [HelpLoanRef], description: 'The offers made, oldest first.', resolve: (r) => r.loans }),
  }),
});

function requireSupportRole(context: RequestContext, action: string) {
  const actor = requestActor(context);
  requireRole(actor, SUPPORT_ROLES, action);
  if (actor.platformScope)
    throw new ForbiddenError('Shared support is used by the members themselves', SHARED_SUPPORT_ERRORS.MEMBERS_ONLY);
  return actor;
}

builder.objectField(SharedSupportRef, 'helpRequests', (t) =>
  t.connection(
    {
      type: HelpRequestRef,
      description: 'Requests for help from the members taking part, newest first, with their offers.',
      args: { status: t.arg({ type: HelpRequestStatusEnum, required: false, description: 'Only these.' }) },
      resolve: async (support, args, context) => {
        checkedPageSize(args);
        requireReadAccess(SHARED_SUPPORT_READ_RULES.HelpRequest, context, 'Reading requests for help');
        const tx = requestTransaction(context);
        return resolveOffsetConnection({ args }, async ({ limit, offset }) => {
          const requests = await loadHelpRequests(tx, support.partnershipId, args.status ?? null, limit, offset);
          await recordSharedReads(context, support.partnershipId, 'help_requests', [
            ...requests.map((r) => ({ memberOrganisationId: r.requestingMemberId, ids: [r.id] })),
            ...requests.flatMap((r) => r.loans.map((l) => ({ memberOrganisationId: l.lendingMemberId, ids: [l.id] }))),
          ]);
          return requests;
        });
      },
    },
    { name: 'HelpRequestConnection', description: 'A page of requests for help.' },
    { name: 'HelpRequestEdge', description: 'A request for help, with its cursor.' },
  ),
);

// --- Statements: what each member gave and received ------------------------------------------

interface HelpStatement {
  memberId: string;
  loans: LoanView[];
}

const HelpDirectionEnum = builder.enumType('HelpDirection', {
  description: 'Which side of a loan a member was on.',
  values: {
    GIVEN: { value: 'given', description: 'The member lent one of its people.' },
    RECEIVED: { value: 'received', description: 'The member was lent someone.' },
  } as const,
});

const HelpStatementLineRef = builder
  .objectRef<{ loan: LoanView; direction: 'given' | 'received' }>('HelpStatementLine')
  .implement({
    description: 'One accepted loan on a member statement.',
    fields: (t) => ({
      direction: t.field({ type: HelpDirectionEnum, description: 'Given or received.', resolve: (l) => l.direction }),
      loan: t.field({ type: HelpLoanRef, description: 'The loan.', resolve: (l) => l.loan }),
      amount: t.field({
        type: MoneyRef,
        nullable: true,
        description:
          'Owed to the member for a loan given, owed by it for one received (days given at the day rate); null until time is recorded.',
        resolve: (l) => priced(l.loan.daysGiven, l.loan.dayRatePence),
      }),
      agencyCostAvoided: t.field({
        type: MoneyRef,
        nullable: true,
        description:
          'For a loan received: what an agency would have cost; null for a loan given or until time is recorded.',
        resolve: (l) => (l.direction === 'received' ? priced(l.loan.daysGiven, l.loan.agencyDayRatePence) : null),
      }),
    }),
  });

function statementTotals(statement: HelpStatement) {
  let earned = money.ZERO;
  let paid = money.ZERO;
  let avoided = money.ZERO;
  let daysGiven = 0;
  let daysReceived = 0;
  for (const loan of statement.loans) {
    const value = priced(loan.daysGiven, loan.dayRatePence) ?? money.ZERO;
    if (loan.lendingMemberId === statement.memberId) {
      earned = money.add(earned, value);
      daysGiven += loan.daysGiven ?? 0;
    } else {
      paid = money.add(paid, value);
      avoided = money.add(avoided, priced(loan.daysGiven, loan.agencyDayRatePence) ?? money.ZERO);
      daysReceived += loan.daysGiven ?? 0;
    }
  }
  return { earned, paid, avoided, daysGiven, daysReceived, net: money.subtract(money.add(earned, avoided), paid) };
}

const HelpStatementRef = builder.objectRef<HelpStatement>('HelpStatement').implement({
  description: "Your organisation's statement of help given and received in the partnership, with the benefit counted.",
  fields: (t) => ({
    lines: t.field({
      type: [HelpStatementLineRef],
      description: 'Each accepted loan, oldest first.',
      resolve: (s) =>
        s.loans.map(
          (loan) => ({ loan, direction: loan.lendingMemberId === s.memberId ? 'given' : 'received' }) as const,
        ),
    }),
    daysGiven: t.int({ description: 'Days your people gave others.', resolve: (s) => statementTotals(s).daysGiven }),
    daysReceived: t.int({ description: 'Days others gave you.', resolve: (s) => statementTotals(s).daysReceived }),
    earned: t.field({
      type: MoneyRef,
      description: 'Owed to you for help given.',
      resolve: (s) => statementTotals(s).earned,
    }),
    paid: t.field({
      type: MoneyRef,
      description: 'Owed by you for help received.',
      resolve: (s) => statementTotals(s).paid,
    }),
    agencyCostAvoided: t.field({
      type: MoneyRef,
      description: 'What agencies would have cost you for the help received.',
      resolve: (s) => statementTotals(s).avoided,
    }),
    netBenefit: t.field({
      type: MoneyRef,
      description: 'Earned plus agency cost avoided, less paid.',
      resolve: (s) => statementTotals(s).net,
    }),
  }),
});

builder.objectField(SharedSupportRef, 'helpStatement', (t) =>
  t.field({
    type: HelpStatementRef,
    description: "Your organisation's loans given and received, priced, with the agency cost avoided.",
    resolve: async (support, _args, context) => {
      const actor = requestActor(context);
      const tx = requestTransaction(context);
      const loans = await loadMemberLoans(tx, support.partnershipId, actor.organisationId);
      await recordSharedReads(
        context,
        support.partnershipId,
        'help_statement',
        loans.map((l) => ({
          memberOrganisationId: l.lendingMemberId === actor.organisationId ? l.requestingMemberId : l.lendingMemberId,
          ids: [l.id],
        })),
      );
      return { memberId: actor.organisationId, loans };
    },
  }),
);

// --- Mutations ---------------------------------------------------------------------------------

const errors = [ValidationError, NotFoundError, ForbiddenError, ConflictError];

const RequestHelpInput = builder.inputType('RequestHelpInput', {
  description: 'Help your organisation needs from the partnership.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    skillCode: t.string({ required: true, description: 'The skill needed, from the taxonomy.' }),
    minimumLevel: t.int({ required: true, description: 'The lowest level that will do (1 to 4).' }),
    startsOn: t.string({ required: true, description: 'First day of the period (YYYY-MM-DD).' }),
    endsOn: t.string({ required: true, description: 'Last day of the period (YYYY-MM-DD).' }),
    daysNeeded: t.int({ required: true, description: 'Days of help needed within the period.' }),
    description: t.string({ required: true, description: 'What the help is for.' }),
    agencyDayRate: t.string({
      required: true,
      description: 'What an agency would charge per day, in pounds as a decimal string, e.g. "450.00".',
    }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your key for this request: the same key returns the same request.',
    }),
  }),
});

const HelpRequestPayload = builder.objectRef<{ request: HelpRequestView }>('HelpRequestPayload').implement({
  description: 'The request for help.',
  fields: (t) => ({
    request: t.field({ type: HelpRequestRef, description: 'The request.', resolve: (p) => p.request }),
  }),
});

builder.mutationField('requestHelp', (t) =>
  t.field({
    type: HelpRequestPayload,
    description: 'Tenant admins and service agents of an opted-in member: ask the partnership for help with a skill.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: RequestHelpInput, required: true, description: 'The request.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requireSupportRole(context, 'Asking for help');
      const tx = requestTransaction(context);
      const partnershipId = idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId');
      const { request, replayed } = await requestHelp(tx, {
        partnershipId,
        memberId: actor.organisationId,
        skillCode: input.skillCode,
        minimumLevel: input.minimumLevel,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        daysNeeded: input.daysNeeded,
        description: input.description,
        agencyDayRate: input.agencyDayRate,
        idempotencyKey: input.idempotencyKey,
        requestedBy: actor.principal.subject,
      });
      if (!replayed) {
        await recordAuditEvents(tx, auditActor(context), [
          {
            organisationId: actor.organisationId,
            action: 'help_request.created',
            targetType: 'HelpRequest',
            targetId: request.id,
            after: request,
          },
        ]);
      }
      const view = await loadHelpRequest(tx, partnershipId, request.id);
      if (!view) throw new Error('The request was not found after writing it');
      return { request: view };
    },
  }),
);

const OfferHelpInput = builder.inputType('OfferHelpInput', {
  description: 'One of your people offered for part of the period asked for.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    requestId: t.id({ required: true, description: 'The request for help.' }),
    personId: t.id({ required: true, description: 'Your person (a SupportPerson or SharedPerson global id).' }),
    startsOn: t.string({
      required: true,
      description: 'First day of the loan (YYYY-MM-DD), within the period asked for.',
    }),
    endsOn: t.string({
      required: true,
      description: 'Last day of the loan (YYYY-MM-DD), within the period asked for.',
    }),
    daysOffered: t.int({ required: true, description: 'Days offered.' }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your key for this offer: the same key returns the same offer.',
    }),
  }),
});

const HelpLoanPayload = builder.objectRef<{ loan: LoanView }>('HelpLoanPayload').implement({
  description: 'The loan after the change.',
  fields: (t) => ({ loan: t.field({ type: HelpLoanRef, description: 'The loan.', resolve: (p) => p.loan }) }),
});

async function loanView(context: RequestContext, partnershipId: string, loanId: string) {
  const loan = await loadLoan(requestTransaction(context), partnershipId, loanId);
  if (!loan) throw new Error('The loan was not found after writing it');
  return loan;
}

function personIdOf(globalId: string): string {
  try {
    return idOf(globalId, 'SupportPerson', 'input.personId');
  } catch {
    return idOf(globalId, 'SharedPerson', 'input.personId');
  }
}

builder.mutationField('offerHelp', (t) =>
  t.field({
    type: HelpLoanPayload,
    description:
      'Tenant admins and service agents of an opted-in member: offer one of your people to a member asking for help.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: OfferHelpInput, required: true, description: 'The offer.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requireSupportRole(context, 'Offering help');
      const tx = requestTransaction(context);
      const partnershipId = idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId');
      const { loan, replayed } = await offerHelp(tx, {
        partnershipId,
        memberId: actor.organisationId,
        requestId: idOf(String(input.requestId), 'HelpRequest', 'input.requestId'),
        personId: personIdOf(String(input.personId)),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        daysOffered: input.daysOffered,
        offeredBy: actor.principal.subject,
        idempotencyKey: input.idempotencyKey,
      });
      if (!replayed) {
        await recordAuditEvents(tx, auditActor(context), [
          {
            organisationId: actor.organisationId,
            action: 'help_loan.offered',
            targetType: 'HelpLoan',
            targetId: loan.id,
            after: loan,
          },
        ]);
      }
      return { loan: await loanView(context, partnershipId, loan.id) };
    },
  }),
);

const DecideHelpOfferInput = builder.inputType('DecideHelpOfferInput', {
  description: 'An offer made to your organisation.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    loanId: t.id({ required: true, description: 'The offer (a HelpLoan global id).' }),
  }),
});

for (const [name, accept] of [
  ['acceptHelpOffer', true],
  ['declineHelpOffer', false],
] as const) {
  builder.mutationField(name, (t) =>
    t.field({
      type: HelpLoanPayload,
      description: accept
        ? 'The asking member: accept an offer; the loan is priced at the partnership day rate.'
        : 'The asking member: decline an offer.',
      authScopes: { authenticated: true },
      errors: { types: errors, directResult: true },
      args: { input: t.arg({ type: DecideHelpOfferInput, required: true, description: 'The offer.' }) },
      resolve: async (_root, { input }, context) => {
        const actor = requireSupportRole(context, accept ? 'Accepting an offer' : 'Declining an offer');
        const tx = requestTransaction(context);
        const partnershipId = idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId');
        await requireSharedPartnership(tx, partnershipId);
        const loanId = idOf(String(input.loanId), 'HelpLoan', 'input.loanId');
        const { before, after } = await decideHelpOffer(tx, {
          partnershipId,
          memberId: actor.organisationId,
          loanId,
          accept,
        });
        await recordAuditEvents(tx, auditActor(context), [
          {
            organisationId: actor.organisationId,
            action: accept ? 'help_loan.accepted' : 'help_loan.declined',
            targetType: 'HelpLoan',
            targetId: loanId,
            before,
            after,
          },
        ]);
        return { loan: await loanView(context, partnershipId, loanId) };
      },
    }),
  );
}

const RecordHelpGivenInput = builder.inputType('RecordHelpGivenInput', {
  description: 'The days a lent person actually gave your organisation.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    loanId: t.id({ required: true, description: 'The accepted loan (a HelpLoan global id).' }),
    daysGiven: t.int({ required: true, description: 'Whole days given, at most the length of the loan.' }),
  }),
});

builder.mutationField('recordHelpGiven', (t) =>
  t.field({
    type: HelpLoanPayload,
    description: 'The asking member: record the time given on an accepted loan; both statements then show its value.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: RecordHelpGivenInput, required: true, description: 'The time given.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requireSupportRole(context, 'Recording time given');
      const tx = requestTransaction(context);
      const partnershipId = idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId');
      const loanId = idOf(String(input.loanId), 'HelpLoan', 'input.loanId');
      const { before, after } = await recordTimeGiven(tx, {
        partnershipId,
        memberId: actor.organisationId,
        loanId,
        daysGiven: input.daysGiven,
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: actor.organisationId,
          action: 'help_loan.time_recorded',
          targetType: 'HelpLoan',
          targetId: loanId,
          before,
          after,
        },
      ]);
      return { loan: await loanView(context, partnershipId, loanId) };
    },
  }),
);

const WithdrawHelpRequestInput = builder.inputType('WithdrawHelpRequestInput', {
  description: 'An open request of your organisation.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    requestId: t.id({ required: true, description: 'The request (a HelpRequest global id).' }),
  }),
});

builder.mutationField('withdrawHelpRequest', (t) =>
  t.field({
    type: HelpRequestPayload,
    description: 'The asking member: withdraw an open request; offers still waiting on it are declined.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: WithdrawHelpRequestInput, required: true, description: 'The request.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requireSupportRole(context, 'Withdrawing a request for help');
      const tx = requestTransaction(context);
      const partnershipId = idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId');
      const requestId = idOf(String(input.requestId), 'HelpRequest', 'input.requestId');
      const { before, after } = await withdrawHelpRequest(tx, {
        partnershipId,
        memberId: actor.organisationId,
        requestId,
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: actor.organisationId,
          action: 'help_request.withdrawn',
          targetType: 'HelpRequest',
          targetId: requestId,
          before,
          after,
        },
      ]);
      const view = await loadHelpRequest(tx, partnershipId, requestId);
      if (!view) throw new Error('The request was not found after writing it');
      return { request: view };
    },
  }),
);
