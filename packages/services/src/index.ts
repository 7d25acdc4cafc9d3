// The services domain: catalogue, subscriptions, requests and incidents, SLA clocks, payroll,
// recruitment and KPI reports. Its tables and GraphQL types arrive with issue #4; the package
// exists now so that the dependency order (gateway → billing → services → tenants → core) is
// fixed from the start.
export {};
