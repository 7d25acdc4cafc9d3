import { sql } from 'drizzle-orm';
import type { PlatformTransaction } from './platform-database.ts';
import { queryRows } from './query-rows.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkTenantIds(tenantIds: readonly string[]): void {
  if (tenantIds.length === 0 || !tenantIds.every((id) => UUID.test(id))) {
    throw new Error('A tenant context needs one or more tenant ids, each a uuid');
  }
}

/**
 * Sets the visible tenants of the current transaction through the database's one setter
 * function. The ids travel as one bound parameter, never inside the SQL text; the function checks
 * them again and runs SET LOCAL itself, so nothing outlives the transaction. Requests do not call
 * this: `beginRequest` sets their context; this is for work that names its tenants itself
 * (seeds, benchmarks, tests).
 */
export async function setTenantContext(tx: PlatformTransaction, tenantIds: readonly string[]): Promise<void> {
  checkTenantIds(tenantIds);
  await tx.execute(sql`select app.set_tenant_context(${`{${tenantIds.join(',')}}`}::uuid[])`);
}

/** Who a request says it is, as the database's set-up function takes it. */
export interface RequestCaller {
  organisationId: string;
  issuer: string;
  subject: string;
  /** A machine client's id; null for a person. */
  clientId: string | null;
  /**
   * A person whose token carries its roles (signed by the platform's own issuer) needs no
   * membership row; anyone else is confirmed by the database's records alone. An unconfirmed
   * caller's transaction sees no tenant at all.
   */
  rolesClaimed: boolean;
}

/** What the database found about the caller, for the application to decide whether it may act. */
export interface RequestSetUp {
  /** Null when the organisation does not exist. */
  organisationKind: string | null;
  lifecycleStatus: string | null;
  /** The caller's active or invited membership's roles; null when it has none. */
  membershipRoles: string[] | null;
  membershipInvited: boolean;
  /** A machine client's roles; null when it is unknown or revoked (or the caller is a person). */
  clientRoles: string[] | null;
  /** How many organisations the tenant context now holds: the caller's and those delegated to it. */
  visibleTenants: number;
}

/** `app.begin_request`'s row, as either driver returns it. */
export interface SetUpRow extends Record<string, unknown> {
  organisation_kind: string | null;
  lifecycle_status: string | null;
  membership_roles: string[] | string | null;
  membership_invited: boolean | null;
  client_roles: string[] | string | null;
  visible_tenants: number;
}

/** pg returns text arrays parsed; be tolerant of the text form (`{a,b}`) all the same. */
function textArray(value: string[] | string | null): string[] | null {
  if (value === null) return null;
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',');
}

/**
 * The text of the request's set-up statement. Fixed, so the server driver sends it as a named
 * (prepared) statement, pipelined with BEGIN: parsed and planned once per connection.
 */
export const BEGIN_REQUEST_SQL = 'select * from app.begin_request($1, $2, $3, $4, $5)';
export const BEGIN_REQUEST_STATEMENT_NAME = 'ssp_begin_request';

/**
 * The set-up of a read sent ahead of the application's decision: the same as `app.begin_request`,
 * but a caller the database does not confirm aborts the transaction with `READ_AHEAD_REFUSED`,
 * so none of the statements sent after it runs.
 */
export const BEGIN_READ_AHEAD_SQL = 'select * from app.begin_read_ahead($1, $2, $3, $4, $5)';
export const BEGIN_READ_AHEAD_STATEMENT_NAME = 'ssp_begin_read_ahead';
/** The SQLSTATE `app.begin_read_ahead` refuses with (a class of our own). */
export const READ_AHEAD_REFUSED = 'SS001';

/** Whether a database error (or the driver error drizzle wraps it in) is `app.begin_read_ahead` refusing. */
export function isReadAheadRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  return code === READ_AHEAD_REFUSED || (cause !== undefined && isReadAheadRefusal(cause));
}

/** The set-up statement's parameters, in order. */
export function beginRequestValues(caller: RequestCaller): unknown[] {
  checkTenantIds([caller.organisationId]);
  return [caller.organisationId, caller.issuer, caller.subject, caller.clientId, caller.rolesClaimed];
}

export function requestSetUpOf(row: SetUpRow): RequestSetUp {
  return {
    organisationKind: row.organisation_kind,
    lifecycleStatus: row.lifecycle_status,
    membershipRoles: textArray(row.membership_roles),
    membershipInvited: row.membership_invited === true,
    clientRoles: textArray(row.client_roles),
    visibleTenants: Number(row.visible_tenants),
  };
}

/**
 * A read-only request's whole transaction: what its set-up found, and each read's rows. The
 * reads ran after the set-up whatever it found: for a caller the database did not confirm, the
 * context is empty and they saw no tenant's rows; for a confirmed one, its organisation and those
 * delegated to it. The caller still decides from `setUp` whether the caller may act before any
 * row is used, and throws them away otherwise.
 */
export interface ReadRequest {
  setUp: RequestSetUp;
  rows: Record<string, unknown>[][];
}

/**
 * A request's set-up, the first statement of its transaction: `app.begin_request` confirms the
 * caller in the database and sets the tenant context once, to the caller's organisation and the
 * organisations delegated to it, which the database finds itself (the application never carries
 * that list). The caller decides from the answer whether the request may go on.
 */
export async function beginRequest(tx: PlatformTransaction, caller: RequestCaller): Promise<RequestSetUp> {
  checkTenantIds([caller.organisationId]);
  const [row] = await queryRows<SetUpRow>(
    tx,
    sql`select * from app.begin_request(${caller.organisationId}, ${caller.issuer}, ${caller.subject}, ${caller.clientId}, ${caller.rolesClaimed})`,
  );
  if (!row) throw new Error('app.begin_request answered no row');
  return requestSetUpOf(row);
}

/** `beginRequest` for a read sent ahead of the decision (`BEGIN_READ_AHEAD_SQL`). */
export async function beginReadAhead(tx: PlatformTransaction, caller: RequestCaller): Promise<RequestSetUp> {
  checkTenantIds([caller.organisationId]);
  const [row] = await queryRows<SetUpRow>(
    tx,
    sql`select * from app.begin_read_ahead(${caller.organisationId}, ${caller.issuer}, ${caller.subject}, ${caller.clientId}, ${caller.rolesClaimed})`,
  );
  if (!row) throw new Error('app.begin_read_ahead answered no row');
  return requestSetUpOf(row);
}

/**
 * Onboarding: the organisations this transaction is creating join the tenant context it already
 * has (their rows can then be written; the registry still wants their parent visible). Only the
 * new ids travel; the database extends its own context.
 */
export async function admitNewTenants(tx: PlatformTransaction, tenantIds: readonly string[]): Promise<void> {
  if (tenantIds.length === 0) return;
  checkTenantIds(tenantIds);
  await tx.execute(sql`select app.admit_new_tenants(${`{${tenantIds.join(',')}}`}::uuid[])`);
}

/** The roles transactions take on an embedded database, where there is one login for everything. */
export const RUNTIME_ROLE = 'ssp_runtime';
export const PLATFORM_ROLE = 'ssp_platform';
