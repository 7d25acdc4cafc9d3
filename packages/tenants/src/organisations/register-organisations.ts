import { ConflictError, insertRows, type Nation, type PlatformTransaction, queryRows } from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import { TENANT_ERRORS } from '../errors/tenant-error-codes.ts';

export type OrganisationKind = (typeof tables.organisationKind.enumValues)[number];
export type IdentifierScheme = (typeof tables.identifierScheme.enumValues)[number];

/** An organisation to register beneath one the caller acts for, with the id chosen for it. */
export interface NewOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  parentId: string;
  nation: (typeof tables.nation.enumValues)[number];
  identifier: { scheme: IdentifierScheme; value: string } | null;
}

/** A unique, readable slug: the name, and the start of the new id. */
export function slugFor(name: string, organisationId: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base}-${organisationId.slice(0, 8)}`;
}

function rowOf(organisation: NewOrganisation) {
  return {
    id: organisation.id,
    slug: slugFor(organisation.name, organisation.id),
    name: organisation.name,
    kind: organisation.kind,
    parentId: organisation.parentId,
    lifecycleStatus: 'onboarding' as const,
    nation: organisation.nation,
    identifierScheme: organisation.identifier?.scheme ?? null,
    identifier: organisation.identifier?.value ?? null,
  };
}

/** An organisation the caller may see, or null (row-level security decides). */
export async function findOrganisation(tx: PlatformTransaction, organisationId: string) {
  return (await tx.query.organisations.findFirst({ where: { id: organisationId } })) ?? null;
}

/**
 * Where each of these organisations sits (its nation and parent), for those the caller may see:
 * one statement for the batch, its ids bound as one parameter.
 */
export function organisationPlaces(
  tx: PlatformTransaction,
  organisationIds: readonly string[],
): Promise<{ id: string; nation: Nation; parent_id: string | null }[]> {
  return queryRows(
    tx,
    sql`select id, nation, parent_id from organisations where id = any (string_to_array(${organisationIds.join(',')}, ',')::uuid[])`,
  );
}

/** Every organisation the caller may see, with what tells two apart (bulk onboarding matches on it). */
export function visibleOrganisationIdentities(tx: PlatformTransaction) {
  return tx.query.organisations.findMany({
    columns: { id: true, name: true, parentId: true, identifierScheme: true, identifier: true },
  });
}

/**
 * Registers an organisation, onboarding, beneath its parent. Row-level security lets it in only
 * beneath an organisation the caller acts for, and only once its id is in the tenant context
 * (`admitNewTenants`). Its official identifier registered already is a ConflictError.
 */
export async function registerOrganisation(tx: PlatformTransaction, organisation: NewOrganisation): Promise<void> {
  try {
    await tx.insert(tables.organisations).values(rowOf(organisation));
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === '23505') {
      throw new ConflictError(
        'An organisation with this official identifier is already registered',
        TENANT_ERRORS.ORGANISATION_IDENTIFIER_TAKEN,
      );
    }
    throw error;
  }
}

/**
 * Registers many organisations with one statement (see `registerOrganisation`), skipping those
 * whose official identifier is registered already, perhaps beyond the caller's view. Returns the
 * ids written.
 */
export async function registerOrganisations(
  tx: PlatformTransaction,
  organisations: readonly NewOrganisation[],
): Promise<Set<string>> {
  const inserted = await insertRows(
    tx,
    tables.organisations,
    {
      id: 'uuid',
      slug: 'text',
      name: 'text',
      kind: 'organisation_kind',
      parentId: 'uuid',
      lifecycleStatus: 'lifecycle_status',
      nation: 'nation',
      identifierScheme: 'identifier_scheme',
      identifier: 'text',
    },
    organisations.map(rowOf),
    { onConflict: 'do-nothing' },
  );
  // Which rows went in? Not by RETURNING, which would hold every new row against the read policy
  // one by one: when the count says every row went in there is nothing to find; otherwise the
  // visible ids are read back (a read whose only condition is the policy's index condition).
  if (inserted === organisations.length) return new Set(organisations.map((organisation) => organisation.id));
  const asked = new Set(organisations.map((organisation) => organisation.id));
  const visible = await tx.select({ id: tables.organisations.id }).from(tables.organisations);
  return new Set(visible.map((row) => row.id).filter((id) => asked.has(id)));
}
