import { type PlatformTransaction, queryRows } from '@ssp/core';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { uuidArray } from '../common/partnership-context.ts';
import type { RecoveryCategory, RecoveryOutcome } from './recovery-item-checks.ts';

export interface PlanItemView {
  id: string;
  templateItemId: string | null;
  name: string;
  category: RecoveryCategory;
  priority: number;
  owner: string | null;
  rtoHours: number | null;
  rpoHours: number | null;
  testIntervalDays: number;
  lastTestedOn: string | null;
  lastOutcome: RecoveryOutcome | null;
  tests: { testedOn: string; outcome: RecoveryOutcome; notes: string | null }[];
}

export interface PlanView {
  id: string;
  partnershipId: string;
  templateId: string;
  name: string;
  createdAt: Date;
  items: PlanItemView[];
}

/** When an item is next due a test: its last test plus its interval; null (due now) if never tested. */
export function nextTestDue(item: PlanItemView): string | null {
  if (item.lastTestedOn === null) return null;
  return DateTime.fromISO(item.lastTestedOn, { zone: 'utc' })
    .plus({ days: item.testIntervalDays })
    .toISODate() as string;
}

/** Overdue: never tested, or last tested longer ago than its interval, as of a date. */
export function isOverdue(item: PlanItemView, asOf: string): boolean {
  const due = nextTestDue(item);
  return due === null || due < asOf;
}

/**
 * A page of a member's recovery plans, each with its items, their tests (newest first) and the
 * last test of each. One statement.
 */
export async function loadRecoveryPlans(
  tx: PlatformTransaction,
  memberId: string,
  limit: number,
  offset: number,
  planIds: string[] | null = null,
): Promise<PlanView[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select p.id, p.partnership_id, p.template_id, p.name, p.created_at,
               (select coalesce(json_agg(json_build_object(
                  'id', i.id, 'templateItemId', i.template_item_id, 'name', i.name, 'category', i.category,
                  'priority', i.priority, 'owner', i.owner, 'rtoHours', i.rto_hours, 'rpoHours', i.rpo_hours,
                  'testIntervalDays', i.test_interval_days,
                  'tests', (select coalesce(json_agg(json_build_object('testedOn', t.tested_on, 'outcome', t.outcome, 'notes', t.notes)
                                                     order by t.tested_on desc, t.recorded_at desc, t.id desc), '[]'::json)
                              from recovery_tests t where t.tenant_id = i.tenant_id and t.plan_item_id = i.id))
                  order by i.priority, i.name, i.id), '[]'::json)
                  from recovery_plan_items i where i.tenant_id = p.tenant_id and i.plan_id = p.id) as items
          from recovery_plans p
         where p.tenant_id = ${memberId} and (${planIds === null} or p.id = any (${uuidArray(planIds ?? [])}))
         order by p.created_at, p.id limit ${limit} offset ${offset}`,
  );
  return rows.map((row) => {
    const items = (typeof row.items === 'string' ? JSON.parse(row.items) : row.items) as Omit<
      PlanItemView,
      'lastTestedOn' | 'lastOutcome'
    >[];
    return {
      id: String(row.id),
      partnershipId: String(row.partnership_id),
      templateId: String(row.template_id),
      name: String(row.name),
      createdAt: new Date(String(row.created_at)),
      items: items.map((item) => ({
        ...item,
        lastTestedOn: item.tests[0]?.testedOn ?? null,
        lastOutcome: item.tests[0]?.outcome ?? null,
      })),
    };
  });
}

export interface TemplateView {
  id: string;
  name: string;
  description: string;
  testIntervalDays: number;
  items: {
    id: string;
    name: string;
    category: RecoveryCategory;
    priority: number;
    rtoHours: number | null;
    rpoHours: number | null;
  }[];
}

/** A page of a partnership's recovery models with their items. One statement. */
export async function loadRecoveryTemplates(
  tx: PlatformTransaction,
  partnershipId: string,
  limit: number,
  offset: number,
): Promise<TemplateView[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select t.id, t.name, t.description, t.test_interval_days,
               (select coalesce(json_agg(json_build_object('id', i.id, 'name', i.name, 'category', i.category,
                                                           'priority', i.priority, 'rtoHours', i.rto_hours, 'rpoHours', i.rpo_hours)
                                         order by i.priority, i.name, i.id), '[]'::json)
                  from recovery_template_items i where i.tenant_id = t.tenant_id and i.template_id = t.id) as items
          from recovery_templates t where t.tenant_id = ${partnershipId}
         order by t.created_at, t.id limit ${limit} offset ${offset}`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    description: String(row.description),
    testIntervalDays: Number(row.test_interval_days),
    items: (typeof row.items === 'string' ? JSON.parse(row.items) : row.items) as TemplateView['items'],
  }));
}
