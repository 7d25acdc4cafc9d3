import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  organisationsVacanciesQuery,
  organisationVacanciesQuery,
  vacancyAndApplicationNodesQuery,
} from '../support/queries/organisation-record-queries.ts';
import { type ImportPayload, importRecordsMutation } from '../support/queries/record-import-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// Vacancies, applications and the stages they reach, sent through the API for Liverpool City
// Council (the seeds hold none), then read back: newest versions only, through both read paths.
let api: TestApp;
let admin: string;
let organisationId: string;
beforeAll(async () => {
  api = await startTestApp();
  admin = await api.tokenFor('liverpool-city-council', ['tenant_admin']);
  organisationId = Buffer.from(`Organisation:${api.organisationId('liverpool-city-council')}`).toString('base64');
});
afterAll(() => api?.close());

async function send(pluralName: string, importKey: string, rows: Record<string, unknown>[]): Promise<void> {
  const response = await api.graphql<Record<string, ImportPayload>>(
    importRecordsMutation(pluralName, { organisationId, importKey, dryRun: false, rows }),
    admin,
  );
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data![`import${pluralName}`]).toMatchObject({ written: true, problemCount: 0 });
}

const VACANCY_FIELDS = `id reference title openedOn closesOn version recordedAt
  applications(first: 10) { nodes { id reference receivedAt version stages { stage reachedAt version } } }`;

interface VacancyView {
  id: string;
  reference: string;
  title: string;
  openedOn: string;
  closesOn: string | null;
  version: number;
  applications: {
    nodes: {
      id: string;
      reference: string;
      receivedAt: string;
      version: number;
      stages: { stage: string; reachedAt: string; version: number }[];
    }[];
  };
}

describe('vacancies, applications and stages read through the API', () => {
  beforeAll(async () => {
    await send('Vacancies', 'read-vacancies', [
      { reference: 'VAC-1', title: 'Payroll officer', openedOn: '2017-05-01', closesOn: '2017-05-31' },
      { reference: 'VAC-2', title: 'Recruitment adviser', openedOn: '2017-06-01' },
    ]);
    await send('Applications', 'read-applications', [
      { reference: 'APP-1', vacancyReference: 'VAC-1', receivedAt: '2017-05-10T12:00:00+01:00' },
      { reference: 'APP-2', vacancyReference: 'VAC-1', receivedAt: '2017-05-12T12:00:00+01:00' },
    ]);
    await send('ApplicationStages', 'read-stages', [
      { applicationReference: 'APP-1', stage: 'SHORTLISTED', reachedAt: '2017-06-02T09:00:00+01:00' },
      { applicationReference: 'APP-1', stage: 'INTERVIEWED', reachedAt: '2017-06-09T09:00:00+01:00' },
    ]);
    // Corrections: the vacancy's closing date moves, the interview's time is put right. The
    // applications and stages keep naming their parent's record, so they stay under it.
    await send('Vacancies', 'read-vacancies-fix', [
      {
        reference: 'VAC-1',
        title: 'Payroll officer',
        openedOn: '2017-05-01',
        closesOn: '2017-06-07',
        correction: true,
      },
    ]);
    await send('ApplicationStages', 'read-stages-fix', [
      { applicationReference: 'APP-1', stage: 'INTERVIEWED', reachedAt: '2017-06-08T14:00:00+01:00', correction: true },
    ]);
  });

  const expectNewest = (vacancies: VacancyView[]) => {
    expect(vacancies.map((vacancy) => [vacancy.reference, vacancy.version, vacancy.closesOn])).toEqual([
      ['VAC-2', 1, null],
      ['VAC-1', 2, '2017-06-07'],
    ]);
    const applications = vacancies[1]!.applications.nodes;
    expect(applications.map((application) => application.reference)).toEqual(['APP-1', 'APP-2']);
    expect(applications[0]!.stages).toEqual([
      { stage: 'SHORTLISTED', reachedAt: '2017-06-02T08:00:00.000Z', version: 1 },
      { stage: 'INTERVIEWED', reachedAt: '2017-06-08T13:00:00.000Z', version: 2 },
    ]);
    expect(applications[1]!.stages).toEqual([]);
    expect(vacancies[0]!.applications.nodes).toEqual([]);
  };

  it("lists an organisation's vacancies in their newest versions, with their applications and stages", async () => {
    const response = await api.graphql<{ organisation: { vacancies: { nodes: VacancyView[] } } }>(
      organisationVacanciesQuery(organisationId, VACANCY_FIELDS),
      admin,
    );
    expect(response.body.errors).toBeUndefined();
    expectNewest(response.body.data!.organisation.vacancies.nodes);
  });

  // Which path answers depends on the caller's context (tests/list-field-statements.test.ts checks
  // the compiled one binds tenant_id); either way the newest-version filters are in the statement.
  it('answers the same through the organisations list, in one statement', async () => {
    const { result, statements } = await api.app.database.statements.record(() =>
      api.graphql<{ organisations: { nodes: { vacancies: { nodes: VacancyView[] } }[] } }>(
        organisationsVacanciesQuery(VACANCY_FIELDS),
        admin,
      ),
    );
    expect(result.body.errors).toBeUndefined();
    const vacancies = result.body.data!.organisations.nodes.flatMap((organisation) => organisation.vacancies.nodes);
    expectNewest(vacancies);
    const reads = statements.filter((statement) => /"vacancies"/.test(statement));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/not exists \(select 1 from "application_stages" as later/);
  });

  it('reads a vacancy and an application by node id, and hides them from another organisation', async () => {
    const listed = await api.graphql<{ organisation: { vacancies: { nodes: VacancyView[] } } }>(
      organisationVacanciesQuery(organisationId, VACANCY_FIELDS),
      admin,
    );
    const vacancy = listed.body.data!.organisation.vacancies.nodes.find((node) => node.reference === 'VAC-1')!;
    const application = vacancy.applications.nodes[0]!;
    const nodes = vacancyAndApplicationNodesQuery(vacancy.id, application.id);
    const own = await api.graphql<{ v: unknown; a: unknown }>(nodes, admin);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data).toEqual({
      v: { __typename: 'Vacancy', reference: 'VAC-1', title: 'Payroll officer', closesOn: '2017-06-07', version: 2 },
      a: {
        __typename: 'Application',
        reference: 'APP-1',
        stages: [{ stage: 'SHORTLISTED' }, { stage: 'INTERVIEWED' }],
      },
    });
    const outsider = await api.tokenFor('lancashire-county-council', ['tenant_admin']);
    const other = await api.graphql<{ v: unknown; a: unknown }>(nodes, outsider);
    expect(other.body.data).toEqual({ v: null, a: null });
  });
});
