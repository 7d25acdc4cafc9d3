import { describedEnumValues, mayReadRow, money, readableBy } from '@ssp/core';
import { builder, MoneyRef, moneyFromPence } from '@ssp/schema';
import type * as tables from '@ssp/shared-support-tables';
import { findSharedNodes } from '../common/find-shared-nodes.ts';
import { SHARED_SUPPORT_READ_RULES } from '../common/read-rules.ts';
import { type LoanView, loadLoansById } from './help-views.ts';

export const HelpLoanStatusEnum = builder.enumType('HelpLoanStatus', {
  description: 'Where an offer of a named person stands.',
  values: describedEnumValues<(typeof tables.helpLoanStatus.enumValues)[number]>({
    offered: 'Offered, waiting for the asking member.',
    accepted: 'Accepted: priced at the partnership day rate.',
    declined: 'Declined by the asking member.',
  }),
});

/** Days times a rate in pence, exactly. */
export function priced(days: number | null, ratePence: number | null) {
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
    findSharedNodes(context, ids, loadLoansById, 'help_loans', (l) => [l.lendingMemberId, l.requestingMemberId]),
  fields: (t) => ({
    requestId: t.globalID({
      description: 'The request it answers.',
      resolve: (l) => ({ type: 'HelpRequest', id: l.requestId }),
    }),
    lendingMemberId: t.globalID({
      description: 'The global id of the lending organisation.',
      resolve: (l) => ({ type: 'Organisation', id: l.lendingMemberId }),
    }),
    lendingMemberName: t.exposeString('lendingMemberName', {
      nullable: true,
      description: 'The lending organisation; null once it has left shared support.',
    }),
    requestingMemberName: t.exposeString('requestingMemberName', {
      nullable: true,
      description: 'The asking organisation; null once it has left shared support.',
    }),
    personId: t.globalID({
      description: 'The global id of the person lent.',
      resolve: (l) => ({ type: 'SharedPerson', id: l.personId }),
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
