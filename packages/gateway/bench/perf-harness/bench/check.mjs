// The sanity check every response must pass: HTTP 200 (checked by the caller), JSON without
// errors, the configured number of services, each with the configured number of requests, and
// every service and request carrying the tenant the request was made for. It is what tells a
// fast target from a broken one (an empty list, a leak across tenants, an error page).

function unwrapList(value) {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    if (Array.isArray(value.nodes)) return value.nodes;
    if (Array.isArray(value.edges)) return value.edges.map((edge) => edge?.node);
  }
  return undefined;
}

// Without a configured path: the first list found depth-first (a list, or a connection's
// nodes or edges).
function firstList(value) {
  if (!value || typeof value !== 'object') return undefined;
  for (const child of Object.values(value)) {
    const list = unwrapList(child);
    if (list) return list;
    const nested = firstList(child);
    if (nested) return nested;
  }
  return undefined;
}

function listAt(body, path) {
  let value = body;
  for (const key of path.split('.')) value = value?.[key];
  return unwrapList(value);
}

/** Returns check(text, tenant) -> null when the answer is right, else what is wrong. */
// tenantMatch 'suffix': the field ends with the tenant value (e.g. raisedBy 'person-1@org-slug'
// for the tenant '@org-slug'), for schemas that expose no tenant id on the row. requestTenantField
// (default tenantField) is checked on the nested rows; null skips them.
export function makeCheck({
  services,
  requestsPerService,
  tenantField,
  servicesPath,
  requestsField,
  tenantMatch = 'equal',
  requestTenantField,
}) {
  const matches = (value, tenant) =>
    tenantMatch === 'suffix' ? String(value).toLowerCase().endsWith(tenant) : String(value).toLowerCase() === tenant;
  const belongsBy = (field) => (row, tenant) => !field || tenant === null || matches(row?.[field], tenant);
  const belongs = belongsBy(tenantField);
  const childField = requestTenantField === undefined ? tenantField : requestTenantField;
  const childBelongs = belongsBy(childField);

  return function check(text, tenant) {
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      return `not JSON: ${text.slice(0, 120)}`;
    }
    if (!body || typeof body !== 'object') return `not a JSON object: ${text.slice(0, 120)}`;
    if (body.errors?.length) return `GraphQL error: ${body.errors[0]?.message}`;
    const list = servicesPath ? listAt(body, servicesPath) : firstList(body.data);
    if (!list) return `no services list${servicesPath ? ` at ${servicesPath}` : ''}`;
    if (list.length !== services) return `${list.length} services, expected ${services}`;
    for (const service of list) {
      if (!belongs(service, tenant))
        return `a service with ${tenantField} ${service?.[tenantField]} in an answer for tenant ${tenant}`;
      // Overlay: a dotted requestsField is a path (the SLA shape's fulfilmentSla.pauses).
      const requests = requestsField
        ? requestsField.includes('.')
          ? listAt(service, requestsField)
          : unwrapList(service[requestsField])
        : firstList(service);
      if (!requests) return `a service without a requests list${requestsField ? ` at ${requestsField}` : ''}`;
      if (requests.length !== requestsPerService)
        return `a service with ${requests.length} requests, expected ${requestsPerService}`;
      for (const request of requests) {
        if (!childBelongs(request, tenant))
          return `a request with ${childField} ${request?.[childField]} in an answer for tenant ${tenant}`;
      }
    }
    return null;
  };
}
