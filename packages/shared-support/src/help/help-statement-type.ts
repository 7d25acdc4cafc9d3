import { money, requestActor, requestTransaction } from '@ssp/core';
import { builder, MoneyRef } from '@ssp/schema';
import { recordSharedReads } from '../common/shared-reads.ts';
import { SharedSupportRef } from '../sharing/shared-support-type.ts';
import { HelpLoanRef, priced } from './help-loan-type.ts';
import { type LoanView, loadMemberLoans } from './help-views.ts';

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
