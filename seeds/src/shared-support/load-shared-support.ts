import type { PlatformTransaction } from '@ssp/core';
import { tables } from '@ssp/schema';
import { publishMemberDirectory } from '@ssp/shared-support';
import { seedOrganisationId } from '../organisations/seed-organisation-ids.ts';
import {
  LINCOLNSHIRE_PARTNERSHIP_SLUG,
  lincolnshireNamedPerson,
  lincolnshireProgramme,
  lincolnshireRecoveryModel,
  lincolnshireSharingMembers,
  penceOfWrittenAmount,
} from './lincolnshire-shared-support.ts';
import { seedSharedSupportId } from './seed-shared-support-ids.ts';
import { supportSkillTaxonomy } from './support-skill-taxonomy.ts';

/**
 * Loads the skills taxonomy and Lincolnshire's shared support (programme, agreements of the eight
 * authorities, the co-ordinator, the generic recovery model), on the platform path. Idempotent:
 * fixed ids, and an existing row is left as it is; each member's published directory is then
 * rewritten from whatever its records and agreement now say.
 */
export async function loadSharedSupport(tx: PlatformTransaction): Promise<{ sharingMembers: number }> {
  await tx
    .insert(tables.supportSkills)
    .values(supportSkillTaxonomy.map((skill) => ({ ...skill })))
    .onConflictDoNothing();

  const partnershipId = seedOrganisationId(LINCOLNSHIRE_PARTNERSHIP_SLUG);
  const programme = lincolnshireProgramme;
  await tx
    .insert(tables.sharedSupportProgrammes)
    .values({
      tenantId: partnershipId,
      id: seedSharedSupportId('programme', LINCOLNSHIRE_PARTNERSHIP_SLUG),
      name: programme.name.value,
      startedOn: null,
      dayRatePence: null,
      grantPence: penceOfWrittenAmount(programme.grant.written),
      grantFrom: programme.grantFrom.value,
      forecastYears: programme.forecastYears.value,
      cashableForecastPence: penceOfWrittenAmount(programme.cashable.written),
      nonCashableForecastPence: penceOfWrittenAmount(programme.nonCashable.written),
      qualitativeImprovementPercent: programme.qualitativeImprovementPercent.value,
    })
    .onConflictDoNothing();

  const templateId = seedSharedSupportId('recovery-template', LINCOLNSHIRE_PARTNERSHIP_SLUG);
  await tx
    .insert(tables.recoveryTemplates)
    .values({
      tenantId: partnershipId,
      id: templateId,
      name: lincolnshireRecoveryModel.name.value,
      description: lincolnshireRecoveryModel.itemsQuote,
      testIntervalDays: lincolnshireRecoveryModel.testIntervalDays,
    })
    .onConflictDoNothing();
  await tx
    .insert(tables.recoveryTemplateItems)
    .values(
      lincolnshireRecoveryModel.items.map((item) => ({
        tenantId: partnershipId,
        id: seedSharedSupportId('recovery-template-item', `${LINCOLNSHIRE_PARTNERSHIP_SLUG}:${item.name}`),
        templateId,
        name: item.name,
        category: item.category,
        priority: item.priority,
      })),
    )
    .onConflictDoNothing();

  const person = lincolnshireNamedPerson;
  const personMemberId = seedOrganisationId(person.memberSlug);
  await tx
    .insert(tables.supportPeople)
    .values({
      tenantId: personMemberId,
      id: seedSharedSupportId('support-person', `${person.memberSlug}:${person.fullName.value}`),
      fullName: person.fullName.value,
      roleTitle: person.roleTitle.value,
      email: person.email.value,
      phone: person.phone.value,
    })
    .onConflictDoNothing();

  const members = lincolnshireSharingMembers;
  await tx
    .insert(tables.sharingAgreements)
    .values(
      members.slugs.map((slug) => ({
        tenantId: seedOrganisationId(slug),
        id: seedSharedSupportId('sharing-agreement', `${LINCOLNSHIRE_PARTNERSHIP_SLUG}:${slug}`),
        partnershipId,
        optedIn: true,
        sharesName: members.shares.name,
        sharesRole: members.shares.role,
        sharesSkills: members.shares.skills,
        sharesContact: members.shares.contact,
        sharesAvailability: members.shares.availability,
        changedBy: 'seed-loader',
      })),
    )
    .onConflictDoNothing();
  for (const slug of members.slugs) await publishMemberDirectory(tx, partnershipId, seedOrganisationId(slug));
  return { sharingMembers: members.slugs.length };
}
