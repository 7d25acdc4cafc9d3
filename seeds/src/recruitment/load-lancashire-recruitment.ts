import type { PlatformTransaction } from '@ssp/core';
import { tables } from '@ssp/schema';
import { v5 as uuidv5 } from 'uuid';
import { seedOrganisationId } from '../organisations/seed-organisation-ids.ts';

const RECRUITMENT_NAMESPACE = '5b8f0c2e-3d41-5a7e-8c9b-6e2f1a0d4c73';
const LANCASHIRE = 'lancashire-county-council';

const idFor = (...parts: string[]) => uuidv5(parts.join(':'), RECRUITMENT_NAMESPACE);

/**
 * A few illustrative vacancies for Lancashire County Council, with applications and the stages
 * they reached, so a partner trying the API (and the list-field checks) finds recruitment records
 * to read. Not from the source documents, which give no vacancy-level figures; nothing reports on
 * them. Fixed ids: loading again changes nothing.
 */
const VACANCIES = [
  {
    reference: 'LCC-VAC-2017-014',
    title: 'Payroll officer',
    openedOn: '2017-05-02',
    closesOn: '2017-05-26',
    applications: [
      {
        reference: 'LCC-APP-2017-0141',
        receivedAt: '2017-05-08T10:15:00Z',
        stages: ['shortlisted', 'interviewed', 'offered', 'appointed'],
      },
      {
        reference: 'LCC-APP-2017-0142',
        receivedAt: '2017-05-11T14:40:00Z',
        stages: ['shortlisted', 'interviewed', 'rejected'],
      },
      { reference: 'LCC-APP-2017-0143', receivedAt: '2017-05-22T09:05:00Z', stages: ['rejected'] },
    ],
  },
  {
    reference: 'LCC-VAC-2017-021',
    title: 'Recruitment adviser',
    openedOn: '2017-06-05',
    closesOn: '2017-06-30',
    applications: [
      { reference: 'LCC-APP-2017-0211', receivedAt: '2017-06-12T11:00:00Z', stages: ['shortlisted', 'withdrawn'] },
    ],
  },
] as const;

export async function loadLancashireRecruitment(tx: PlatformTransaction): Promise<{ rows: number }> {
  const tenantId = seedOrganisationId(LANCASHIRE);
  const vacancies = [];
  const applications = [];
  const stages = [];
  for (const vacancy of VACANCIES) {
    const vacancyId = idFor('vacancy', vacancy.reference);
    vacancies.push({
      tenantId,
      id: vacancyId,
      reference: vacancy.reference,
      title: vacancy.title,
      openedOn: vacancy.openedOn,
      closesOn: vacancy.closesOn,
    });
    for (const application of vacancy.applications) {
      const applicationId = idFor('application', application.reference);
      const receivedAt = new Date(application.receivedAt);
      applications.push({ tenantId, id: applicationId, reference: application.reference, vacancyId, receivedAt });
      for (const [index, stage] of application.stages.entries()) {
        stages.push({
          tenantId,
          id: idFor('stage', application.reference, stage),
          applicationId,
          stage,
          // A week a stage: illustrative, in order.
          reachedAt: new Date(receivedAt.getTime() + (index + 1) * 7 * 86_400_000),
        });
      }
    }
  }
  await tx.insert(tables.vacancies).values(vacancies).onConflictDoNothing();
  await tx.insert(tables.applications).values(applications).onConflictDoNothing();
  await tx.insert(tables.applicationStages).values(stages).onConflictDoNothing();
  return { rows: vacancies.length + applications.length + stages.length };
}
