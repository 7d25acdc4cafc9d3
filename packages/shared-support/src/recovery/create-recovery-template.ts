import { type MutationCaller, type PlatformTransaction, ValidationError } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { callerPartnership } from '../common/partnership-admin.ts';
import { checkInterval, checkItem, type RecoveryItemInput } from './recovery-item-checks.ts';

/** The partnership's tenant admins write its generic recovery model (audited). */
export async function createRecoveryTemplate(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: {
    name: string;
    description: string;
    testIntervalDays: number;
    items: RecoveryItemInput[];
  },
) {
  const partnershipId = await callerPartnership(tx, caller);
  if (input.name.trim() === '') throw new ValidationError('Name the model', 'input.name');
  checkInterval(input.testIntervalDays, 'input.testIntervalDays');
  if (input.items.length === 0) throw new ValidationError('List what must be recovered', 'input.items');
  for (const [index, item] of input.items.entries()) checkItem(item, `input.items.${index}`);
  const [template] = await tx
    .insert(tables.recoveryTemplates)
    .values({
      tenantId: partnershipId,
      name: input.name.trim(),
      description: input.description.trim(),
      testIntervalDays: input.testIntervalDays,
    })
    .returning();
  if (!template) throw new Error('The template was not written');
  await tx.insert(tables.recoveryTemplateItems).values(
    input.items.map((item) => ({
      tenantId: partnershipId,
      templateId: template.id,
      ...item,
      name: item.name.trim(),
    })),
  );
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: partnershipId,
      action: 'recovery_template.created',
      targetType: 'RecoveryTemplate',
      targetId: template.id,
      after: { template, items: input.items },
    },
  ]);
  return template;
}
