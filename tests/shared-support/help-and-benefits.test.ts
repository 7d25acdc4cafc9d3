import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  benefitsQuery,
  helpNodesQuery,
  helpRequestsWithOffersQuery,
  helpStatementQuery,
  loanMutation,
  membersAndAgencyCostAvoidedQuery,
  offerHelpMutation,
  requestHelpMutation,
  updateProgrammeMutation,
  withdrawHelpRequestMutation,
} from '../support/queries/help-queries.ts';
import { savePersonMutation } from '../support/queries/shared-support-queries.ts';
import type { Operation } from '../support/test-app.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import {
  auditTrail,
  BOSTON,
  NORTH_KESTEVEN,
  OUTSIDER,
  ok,
  PARTNERSHIP,
  POLICE,
  partnershipGlobalId,
} from './support/shared-support-fixtures.ts';

let api: TestApp;
let partnership: string;
let hal: string;

const agent = (slug: string) => api.tokenFor(slug, ['service_agent']);
const requestHelp = (input: Record<string, unknown>): Operation =>
  requestHelpMutation({
    partnershipId: partnership,
    skillCode: 'firewalls',
    minimumLevel: 2,
    startsOn: '2026-06-01',
    endsOn: '2026-06-05',
    daysNeeded: 3,
    description: 'Our firewall needs a rebuild this week',
    agencyDayRate: '600.00',
    idempotencyKey: 'nk-firewall-2026-06',
    ...input,
  });

const offerHelp = (input: Record<string, unknown>): Operation =>
  offerHelpMutation({
    partnershipId: partnership,
    personId: hal,
    idempotencyKey: `offer-${JSON.stringify(input)}`,
    ...input,
  });

const onLoan = (name: string, input: Record<string, unknown>, fields = ''): Operation =>
  loanMutation(name, { partnershipId: partnership, ...input }, fields);

interface Loan {
  id: string;
  status: string;
  daysGiven: number | null;
  dayRate: { amount: string } | null;
  value: { amount: string } | null;
  agencyCostAvoided: { amount: string } | null;
  person: { fullName: string | null } | null;
  lendingMemberName: string;
}
type Result<K extends string, T> = Record<K, { __typename: string; field?: string; message?: string } & T>;

let requestId: string;
let loanId: string;

beforeAll(async () => {
  api = await startTestApp();
  partnership = partnershipGlobalId(api);
  const programme = await ok<Result<'updateSharedSupportProgramme', { dayRate: { amount: string } }>>(
    api,
    updateProgrammeMutation({ startedOn: '2026-04-01', dayRate: '250.00' }),
    await api.tokenFor(PARTNERSHIP, ['tenant_admin']),
  );
  expect(programme.updateSharedSupportProgramme).toMatchObject({ dayRate: { amount: '250.00' } });
  const saved = await ok<{ saveSupportPerson: { person: { id: string } } }>(
    api,
    savePersonMutation({
      fullName: 'Hal Helper',
      roleTitle: 'Security engineer',
      email: 'hal@boston.example',
      skills: [{ skillCode: 'firewalls', level: 3 }],
      unavailability: [{ startsOn: '2026-06-05', endsOn: '2026-06-05', reason: 'Dentist' }],
    }),
    await agent(BOSTON),
  );
  hal = saved.saveSupportPerson.person.id;
});
afterAll(() => api?.close());

describe('help between members', () => {
  it('a member asks for help; the same key returns the same request, other input under it is a conflict', async () => {
    const first = await ok<
      Result<'requestHelp', { request: { id: string; status: string; agencyDayRate: { amount: string } } }>
    >(api, requestHelp({}), await agent(NORTH_KESTEVEN));
    expect(first.requestHelp).toMatchObject({
      __typename: 'HelpRequestPayload',
      request: { status: 'OPEN', agencyDayRate: { amount: '600.00' } },
    });
    requestId = first.requestHelp.request.id;
    const again = await ok<Result<'requestHelp', { request: { id: string } }>>(
      api,
      requestHelp({}),
      await agent(NORTH_KESTEVEN),
    );
    expect(again.requestHelp.request.id).toBe(requestId);
    const other = await ok<Result<'requestHelp', object>>(
      api,
      requestHelp({ daysNeeded: 2 }),
      await agent(NORTH_KESTEVEN),
    );
    expect(other.requestHelp.__typename).toBe('ConflictError');
    expect(await api.db.asOwner('select 1 from help_requests')).toHaveLength(1);
  });

  it('a member outside the agreement cannot ask, and an outsider neither', async () => {
    for (const slug of [POLICE, OUTSIDER]) {
      const refused = await ok<Result<'requestHelp', object>>(
        api,
        requestHelp({ idempotencyKey: `key-of-${slug}` }),
        await agent(slug),
      );
      expect(refused.requestHelp.__typename).toBe('NotFoundError');
    }
    expect(await api.db.asOwner('select 1 from help_requests')).toHaveLength(1);
  });

  it('a loan longer than the period asked for is refused, and so is a person away during it; nothing is written', async () => {
    const longer = await ok<Result<'offerHelp', object>>(
      api,
      offerHelp({ requestId, startsOn: '2026-06-03', endsOn: '2026-06-08', daysOffered: 3 }),
      await agent(BOSTON),
    );
    expect(longer.offerHelp).toMatchObject({
      __typename: 'ValidationError',
      code: 'HELP_LOAN_OUTSIDE_REQUEST',
      field: 'input.endsOn',
    });
    const reversed = await ok<Result<'offerHelp', object>>(
      api,
      offerHelp({ requestId, startsOn: '2026-06-05', endsOn: '2026-06-03', daysOffered: 1 }),
      await agent(BOSTON),
    );
    expect(reversed.offerHelp).toMatchObject({
      __typename: 'ValidationError',
      code: 'PERIOD_ENDS_BEFORE_START',
      field: 'input.endsOn',
    });
    const away = await ok<Result<'offerHelp', object>>(
      api,
      offerHelp({ requestId, startsOn: '2026-06-03', endsOn: '2026-06-05', daysOffered: 3 }),
      await agent(BOSTON),
    );
    expect(away.offerHelp).toMatchObject({ __typename: 'ValidationError', field: 'input.personId' });
    const self = await ok<Result<'offerHelp', object>>(
      api,
      offerHelp({ requestId, startsOn: '2026-06-02', endsOn: '2026-06-04', daysOffered: 3 }),
      await agent(NORTH_KESTEVEN),
    );
    expect(self.offerHelp.__typename).toBe('ValidationError');
    expect(await api.db.asOwner('select 1 from help_loans')).toEqual([]);
  });

  it('another member offers a named person; the asking member accepts at the day rate and records the time given', async () => {
    const offered = await ok<Result<'offerHelp', { loan: Loan }>>(
      api,
      offerHelp({ requestId, startsOn: '2026-06-02', endsOn: '2026-06-04', daysOffered: 3 }),
      await agent(BOSTON),
    );
    expect(offered.offerHelp.loan).toMatchObject({
      status: 'OFFERED',
      dayRate: null,
      person: { fullName: 'Hal Helper' },
    });
    loanId = offered.offerHelp.loan.id;

    // Only the asking member decides.
    const stranger = await ok<Result<'acceptHelpOffer', object>>(
      api,
      onLoan('acceptHelpOffer', { loanId }),
      await agent(BOSTON),
    );
    expect(stranger.acceptHelpOffer.__typename).toBe('NotFoundError');
    const accepted = await ok<Result<'acceptHelpOffer', { loan: Loan }>>(
      api,
      onLoan('acceptHelpOffer', { loanId }),
      await agent(NORTH_KESTEVEN),
    );
    expect(accepted.acceptHelpOffer.loan).toMatchObject({
      status: 'ACCEPTED',
      dayRate: { amount: '250.00' },
      value: null,
    });

    // More days than the loan lasted: refused, nothing recorded.
    const tooMany = await ok<Result<'recordHelpGiven', object>>(
      api,
      onLoan('recordHelpGiven', { loanId, daysGiven: 4 }),
      await agent(NORTH_KESTEVEN),
    );
    expect(tooMany.recordHelpGiven).toMatchObject({ __typename: 'ValidationError', field: 'input.daysGiven' });
    const untouched = await api.db.asOwner<{ days_given: number | null }>('select days_given from help_loans');
    expect(untouched).toEqual([{ days_given: null }]);

    const recorded = await ok<Result<'recordHelpGiven', { loan: Loan }>>(
      api,
      onLoan('recordHelpGiven', { loanId, daysGiven: 3 }),
      await agent(NORTH_KESTEVEN),
    );
    expect(recorded.recordHelpGiven.loan).toMatchObject({
      daysGiven: 3,
      value: { amount: '750.00' },
      agencyCostAvoided: { amount: '1800.00' },
    });
    const requests = await ok<{
      sharedSupport: { helpRequests: { nodes: { id: string; status: string; offers: Loan[] }[] } };
    }>(api, helpRequestsWithOffersQuery(partnership), await agent(BOSTON));
    expect(requests.sharedSupport.helpRequests.nodes).toMatchObject([
      { id: requestId, status: 'FILLED', offers: [{ id: loanId }] },
    ]);
    // Both fetched by their global ids, in order; an outsider gets nulls.
    const byIds = async (slug: string) =>
      (
        await ok<{ nodes: ({ __typename: string; status?: string; loanStatus?: string } | null)[] }>(
          api,
          helpNodesQuery([requestId, loanId]),
          await agent(slug),
        )
      ).nodes;
    expect(await byIds(BOSTON)).toEqual([
      { __typename: 'HelpRequest', status: 'FILLED' },
      { __typename: 'HelpLoan', loanStatus: 'ACCEPTED' },
    ]);
    expect(await byIds(OUTSIDER)).toEqual([null, null]);
  });

  it("both members' statements show the loan, priced, with the agency cost the asking member avoided", async () => {
    const statement = async (slug: string) =>
      (
        await ok<{ sharedSupport: { helpStatement: Record<string, unknown> } }>(
          api,
          helpStatementQuery(partnership),
          await agent(slug),
        )
      ).sharedSupport.helpStatement;
    expect(await statement(NORTH_KESTEVEN)).toEqual({
      daysGiven: 0,
      daysReceived: 3,
      earned: { amount: '0.00' },
      paid: { amount: '750.00' },
      agencyCostAvoided: { amount: '1800.00' },
      netBenefit: { amount: '1050.00' },
      lines: [
        {
          direction: 'RECEIVED',
          amount: { amount: '750.00' },
          agencyCostAvoided: { amount: '1800.00' },
          loan: { id: loanId },
        },
      ],
    });
    expect(await statement(BOSTON)).toEqual({
      daysGiven: 3,
      daysReceived: 0,
      earned: { amount: '750.00' },
      paid: { amount: '0.00' },
      agencyCostAvoided: { amount: '0.00' },
      netBenefit: { amount: '750.00' },
      lines: [{ direction: 'GIVEN', amount: { amount: '750.00' }, agencyCostAvoided: null, loan: { id: loanId } }],
    });
  });

  it("the partnership's return on investment: Lincolnshire's forecast against its grant, and what the loans delivered", async () => {
    const benefits = (
      await ok<{ sharedSupport: { benefits: Record<string, unknown> } }>(
        api,
        benefitsQuery(partnership),
        await api.tokenFor(NORTH_KESTEVEN, ['finance']),
      )
    ).sharedSupport.benefits;
    expect(benefits).toEqual({
      programme: 'Shared IT Support across Lincolnshire',
      startedOn: '2026-04-01',
      forecastYears: 5,
      windowEndsOn: '2031-03-31',
      grantFrom: 'East Midlands Centre of Excellence',
      qualitativeImprovementPercent: 42,
      grant: { amount: '90000.00' },
      cashableForecast: { amount: '254000.00' },
      nonCashableForecast: { amount: '1371000.00' },
      totalForecast: { amount: '1625000.00' },
      forecastNetReturn: { amount: '1535000.00' },
      forecastReturnPercent: 1705.56,
      dayRate: { amount: '250.00' },
      loans: 1,
      daysGiven: 3,
      loanValue: { amount: '750.00' },
      agencyCostAvoided: { amount: '1800.00' },
      cashableDeliveredPercent: 0.71,
      deliveredNetReturn: { amount: '-88200.00' },
      byFiscalYear: [{ fiscalYear: '2026/27', loans: 1, daysGiven: 3, agencyCostAvoided: { amount: '1800.00' } }],
    });
  });

  it('the partnership itself sees its members and its return on investment; its reads are receipted too', async () => {
    const coordinator = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    const view = await ok<{
      sharedSupport: { members: { nodes: { name: string }[] }; benefits: { agencyCostAvoided: { amount: string } } };
    }>(api, membersAndAgencyCostAvoidedQuery(partnership), coordinator);
    expect(view.sharedSupport.members.nodes.map((m) => m.name)).toEqual(
      expect.arrayContaining(['Boston Borough Council', 'North Kesteven District Council']),
    );
    expect(view.sharedSupport.members.nodes.map((m) => m.name)).not.toContain('Lincolnshire Police');
    expect(view.sharedSupport.benefits.agencyCostAvoided.amount).toBe('1800.00');
    const receipts = await api.db.asOwner<{ what: string }>(
      `select what from shared_read_receipts where reader_organisation_id = $1 and member_organisation_id = $2`,
      [api.organisationId(PARTNERSHIP), api.organisationId(BOSTON)],
    );
    expect(receipts.map((r) => r.what)).toEqual(expect.arrayContaining(['shared_members', 'shared_benefits']));
  });

  it('every change is in the trail of the member that made it, every cross-member read in the reader’s', async () => {
    const nk = await auditTrail(api, NORTH_KESTEVEN);
    expect(nk.map((event) => event.action)).toEqual(
      expect.arrayContaining(['help_request.created', 'help_loan.accepted', 'help_loan.time_recorded']),
    );
    // Replaying the idempotent request recorded nothing more.
    expect(nk.filter((event) => event.action === 'help_request.created')).toHaveLength(1);
    const boston = await auditTrail(api, BOSTON);
    expect(boston.map((event) => event.action)).toEqual(
      expect.arrayContaining(['help_loan.offered', 'support_person.added']),
    );
    expect(
      boston.some(
        (event) => event.action === 'help_requests.read' && event.targetId === api.organisationId(NORTH_KESTEVEN),
      ),
    ).toBe(true);
    expect(
      nk.some((event) => event.action === 'help_statement.read' && event.targetId === api.organisationId(BOSTON)),
    ).toBe(true);
    const partnershipTrail = await auditTrail(api, PARTNERSHIP);
    expect(partnershipTrail.map((event) => event.action)).toContain('shared_support_programme.changed');
  });

  it('the asking member withdraws an open request; the offers waiting on it are declined; only once', async () => {
    const asked = await ok<Result<'requestHelp', { request: { id: string } }>>(
      api,
      requestHelp({
        idempotencyKey: 'nk-oracle-2026-07',
        skillCode: 'firewalls',
        startsOn: '2026-07-06',
        endsOn: '2026-07-10',
      }),
      await agent(NORTH_KESTEVEN),
    );
    const id = asked.requestHelp.request.id;
    const offered = await ok<Result<'offerHelp', { loan: Loan }>>(
      api,
      offerHelp({ requestId: id, startsOn: '2026-07-06', endsOn: '2026-07-07', daysOffered: 2 }),
      await agent(BOSTON),
    );
    expect(offered.offerHelp.__typename).toBe('HelpLoanPayload');
    const withdraw = async (slug: string) =>
      (
        await ok<Result<'withdrawHelpRequest', { request: { status: string; offers: { status: string }[] } }>>(
          api,
          withdrawHelpRequestMutation({ partnershipId: partnership, requestId: id }),
          await agent(slug),
        )
      ).withdrawHelpRequest;
    expect((await withdraw(BOSTON)).__typename).toBe('NotFoundError');
    expect(await withdraw(NORTH_KESTEVEN)).toMatchObject({
      request: { status: 'WITHDRAWN', offers: [{ status: 'DECLINED' }] },
    });
    expect((await withdraw(NORTH_KESTEVEN)).__typename).toBe('ConflictError');
    // A withdrawn request takes no more offers.
    const late = await ok<Result<'offerHelp', object>>(
      api,
      offerHelp({ requestId: id, startsOn: '2026-07-08', endsOn: '2026-07-08', daysOffered: 1 }),
      await agent(BOSTON),
    );
    expect(late.offerHelp.__typename).toBe('ConflictError');
  });
});
