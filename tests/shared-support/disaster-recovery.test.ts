import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adoptRecoveryPlanMutation,
  createRecoveryTemplateMutation,
  recordRecoveryTestMutation,
  recoveryPlanNodeQuery,
  recoveryPlansQuery,
  recoveryTemplatesQuery,
} from '../support/queries/recovery-queries.ts';
import type { Operation } from '../support/test-app.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import {
  auditTrail,
  BOSTON,
  NORTH_KESTEVEN,
  ok,
  PARTNERSHIP,
  partnershipGlobalId,
} from './support/shared-support-fixtures.ts';

let api: TestApp;
let partnership: string;

const agent = (slug: string) => api.tokenFor(slug, ['service_agent']);

interface Item {
  id: string;
  name: string;
  owner: string | null;
  rtoHours: number | null;
  lastTestedOn: string | null;
  lastOutcome: string | null;
  nextTestDue: string | null;
  overdue: boolean;
  failedLastTest: boolean;
}
interface Plan {
  id: string;
  name: string;
  overdue: boolean;
  failedLastTest: boolean;
  items: Item[];
  itemsNeedingAttention: { name: string }[];
}
interface Template {
  id: string;
  name: string;
  testIntervalDays: number;
  items: { id: string; name: string; category: string; priority: number }[];
}

const templatesQuery = (): Operation => recoveryTemplatesQuery(partnership);
const plansQuery = (asOf: string): Operation => recoveryPlansQuery(asOf);
const recordTest = (planItemId: string, testedOn: string, outcome: string): Operation =>
  recordRecoveryTestMutation({
    planItemId,
    testedOn,
    outcome,
    idempotencyKey: `test-${planItemId}-${testedOn}-${outcome}`,
  });

let template: Template;
let plan: Plan;

beforeAll(async () => {
  api = await startTestApp();
  partnership = partnershipGlobalId(api);
});
afterAll(() => api?.close());

describe('disaster-recovery plans', () => {
  it("members read the partnership's generic model (the document's hardware, networks and systems)", async () => {
    const data = await ok<{ sharedSupport: { recoveryTemplates: { nodes: Template[] } } }>(
      api,
      templatesQuery(),
      await agent(NORTH_KESTEVEN),
    );
    template = data.sharedSupport.recoveryTemplates.nodes[0]!;
    expect(template.name).toBe('Generic disaster recovery model');
    expect(template.items.map((item) => [item.name, item.category, item.priority])).toEqual([
      ['Hardware', 'HARDWARE', 1],
      ['Networks', 'NETWORK', 2],
      ['Systems', 'SYSTEM', 3],
    ]);
  });

  it('a member adapts it into its own plan with its systems, owners and objectives; once only', async () => {
    const [hardware, networks, systems] = template.items;
    const adopt = (): Operation =>
      adoptRecoveryPlanMutation({
        partnershipId: partnership,
        templateId: template.id,
        name: 'North Kesteven ICT recovery plan',
        items: [
          {
            templateItemId: hardware!.id,
            name: 'Data centre servers',
            category: 'HARDWARE',
            priority: 1,
            owner: 'Infrastructure lead',
            rtoHours: 24,
            rpoHours: 24,
          },
          {
            templateItemId: networks!.id,
            name: 'Wide area network',
            category: 'NETWORK',
            priority: 2,
            owner: 'Network manager',
            rtoHours: 8,
          },
          {
            templateItemId: systems!.id,
            name: 'Revenues and benefits',
            category: 'SYSTEM',
            priority: 3,
            owner: 'Applications lead',
            rtoHours: 48,
            rpoHours: 4,
            testIntervalDays: 180,
          },
        ],
      });
    const adopted = await ok<{ adoptRecoveryPlan: { __typename: string; plan: Plan } }>(
      api,
      adopt(),
      await agent(NORTH_KESTEVEN),
    );
    expect(adopted.adoptRecoveryPlan.__typename).toBe('RecoveryPlanPayload');
    plan = adopted.adoptRecoveryPlan.plan;
    expect(plan.items.map((item) => [item.name, item.owner, item.rtoHours])).toEqual([
      ['Data centre servers', 'Infrastructure lead', 24],
      ['Wide area network', 'Network manager', 8],
      ['Revenues and benefits', 'Applications lead', 48],
    ]);
    // Never tested: everything needs attention.
    expect(plan.overdue).toBe(true);
    expect(plan.itemsNeedingAttention).toHaveLength(3);
    const twice = await ok<{ adoptRecoveryPlan: { __typename: string } }>(api, adopt(), await agent(NORTH_KESTEVEN));
    expect(twice.adoptRecoveryPlan.__typename).toBe('ConflictError');
    expect(await api.db.asOwner('select 1 from recovery_plans')).toHaveLength(1);
  });

  it('a recovery test dated in the future is refused and nothing is recorded', async () => {
    const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10);
    for (const date of [tomorrow, '2099-01-01']) {
      const refused = await ok<{ recordRecoveryTest: { __typename: string; field: string } }>(
        api,
        recordTest(plan.items[0]!.id, date, 'PASSED'),
        await agent(NORTH_KESTEVEN),
      );
      expect(refused.recordRecoveryTest).toMatchObject({ __typename: 'ValidationError', field: 'input.testedOn' });
    }
    expect(await api.db.asOwner('select 1 from recovery_tests')).toEqual([]);
  });

  it('shows which systems are overdue for a test or failed their last one', async () => {
    const [servers, network, revenues] = plan.items;
    const token = await agent(NORTH_KESTEVEN);
    for (const [item, date, outcome] of [
      [servers!, '2026-01-10', 'PASSED'],
      [revenues!, '2025-12-01', 'PASSED'],
      [revenues!, '2026-02-01', 'FAILED'],
    ] as const) {
      const recorded = await ok<{ recordRecoveryTest: { __typename: string } }>(
        api,
        recordTest(item.id, date, outcome),
        token,
      );
      expect(recorded.recordRecoveryTest.__typename).toBe('RecoveryPlanPayload');
    }
    // The same test sent again with its key is recorded once.
    const again = await ok<{ recordRecoveryTest: { __typename: string } }>(
      api,
      recordTest(servers!.id, '2026-01-10', 'PASSED'),
      token,
    );
    expect(again.recordRecoveryTest.__typename).toBe('RecoveryPlanPayload');
    expect(await api.db.asOwner('select 1 from recovery_tests')).toHaveLength(3);
    const plans = async (asOf: string) =>
      (await ok<{ recoveryPlans: { nodes: Plan[] } }>(api, plansQuery(asOf), token)).recoveryPlans.nodes;
    const [march] = await plans('2026-03-01');
    const byName = (p: Plan, name: string) => p.items.find((item) => item.name === name)!;
    expect(byName(march!, servers!.name)).toMatchObject({
      lastTestedOn: '2026-01-10',
      lastOutcome: 'PASSED',
      nextTestDue: '2027-01-10',
      overdue: false,
      failedLastTest: false,
    });
    expect(byName(march!, network!.name)).toMatchObject({ lastTestedOn: null, nextTestDue: null, overdue: true });
    expect(byName(march!, revenues!.name)).toMatchObject({
      lastTestedOn: '2026-02-01',
      lastOutcome: 'FAILED',
      failedLastTest: true,
      nextTestDue: '2026-07-31',
      overdue: false,
    });
    expect(march).toMatchObject({ overdue: true, failedLastTest: true });
    expect(march!.itemsNeedingAttention.map((item) => item.name)).toEqual([
      'Wide area network',
      'Revenues and benefits',
    ]);
    // A year on, the servers are overdue too.
    const [later] = await plans('2027-02-01');
    expect(byName(later!, servers!.name).overdue).toBe(true);
  });

  it("a member's plan is its own: another member sees none of it", async () => {
    const byId = async (slug: string) =>
      (await ok<{ node: { name: string } | null }>(api, recoveryPlanNodeQuery(plan.id), await agent(slug))).node;
    expect(await byId(NORTH_KESTEVEN)).toEqual({ name: 'North Kesteven ICT recovery plan' });
    expect(await byId(BOSTON)).toBeNull();
    const boston = await ok<{ recoveryPlans: { nodes: Plan[] } }>(api, plansQuery('2026-03-01'), await agent(BOSTON));
    expect(boston.recoveryPlans.nodes).toEqual([]);
    const probe = await ok<{ recordRecoveryTest: { __typename: string } }>(
      api,
      recordTest(plan.items[1]!.id, '2026-01-01', 'PASSED'),
      await agent(BOSTON),
    );
    expect(probe.recordRecoveryTest.__typename).toBe('NotFoundError');
  });

  it('only the partnership writes its model; a member gets a typed Forbidden error', async () => {
    const create = (): Operation =>
      createRecoveryTemplateMutation({
        name: 'Cyber incident model',
        description: 'Recovering from ransomware',
        testIntervalDays: 180,
        items: [{ name: 'Backups', category: 'SYSTEM', priority: 1, rtoHours: 72, rpoHours: 24 }],
      });
    const member = await ok<{ createRecoveryTemplate: { __typename: string } }>(
      api,
      create(),
      await api.tokenFor(NORTH_KESTEVEN, ['tenant_admin']),
    );
    expect(member.createRecoveryTemplate.__typename).toBe('ForbiddenError');
    const created = await ok<{ createRecoveryTemplate: { __typename: string } }>(
      api,
      create(),
      await api.tokenFor(PARTNERSHIP, ['tenant_admin']),
    );
    expect(created.createRecoveryTemplate.__typename).toBe('RecoveryTemplatePayload');
    const data = await ok<{ sharedSupport: { recoveryTemplates: { nodes: Template[] } } }>(
      api,
      templatesQuery(),
      await agent(BOSTON),
    );
    expect(data.sharedSupport.recoveryTemplates.nodes.map((t) => t.name)).toEqual([
      'Generic disaster recovery model',
      'Cyber incident model',
    ]);
  });

  it('every change is in the audit trail', async () => {
    const actions = (await auditTrail(api, NORTH_KESTEVEN)).map((event) => event.action);
    expect(actions.filter((action) => action === 'recovery_test.recorded')).toHaveLength(3);
    expect(actions).toContain('recovery_plan.adopted');
    expect((await auditTrail(api, PARTNERSHIP)).map((event) => event.action)).toContain('recovery_template.created');
  });
});
