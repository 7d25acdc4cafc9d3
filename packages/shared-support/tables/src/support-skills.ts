import { referenceDataPolicies } from '@ssp/core/tables';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { supportSkillCategory } from './shared-support-enums.ts';

/**
 * The shared skills taxonomy (networks, servers, storage, security, named applications...).
 * Platform-wide reference data: every partnership's directory uses the same codes.
 */
export const supportSkills = pgTable.withRLS(
  'support_skills',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    category: supportSkillCategory('category').notNull(),
  },
  () => referenceDataPolicies('support_skills'),
);
