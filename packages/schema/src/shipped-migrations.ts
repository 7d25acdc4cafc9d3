/**
 * Every migration that has shipped (reached main), with the SHA-256 of its `migration.sql`, as
 * drizzle records it. drizzle decides what to apply by folder name alone, so a shipped migration
 * that is edited, renamed or removed changes fresh databases and not existing ones, silently:
 * `tests/migration-history.test.ts` fails on each. A migration is added here when it ships; until
 * then it may still be folded or rewritten.
 */
export const SHIPPED_MIGRATIONS: ReadonlyMap<string, string> = new Map([
  ['20261123025114_roles-and-tenant-context', '8f35f44b8e2a81349a394f4a512841db9767d62da4702096b694e3a166f65a5c'],
  ['20261123025351_tenant-registry', '287b644da2cb7676c1b993bfc33f288a357a90eec6ca0b0dddb2b619b4b76526'],
  ['20261123025352_force-rls-and-grants', '8bf07783a3fc79520bf0ccd659ce82c990cc4180c9872e172b643e4748ef8adb'],
  ['20261123032219_audit-trail', 'c4768200e77242d74d209f798570cf6d24acae4ab982cf019f6db7de21f27741'],
  ['20261123032222_audit-trail-append-only', 'c16cee819ee24ab5459e2c1afdf8a863d1f20e182022727113710d518e60cffa'],
  ['20261123032617_platform-directories-rls', 'c1008bdde7054d73b9f2c36992ab7c10b55f8d9945c070e6c811d348b1c6bf41'],
  ['20261123032619_platform-directories-force-rls', 'a2c6893e2342f76d6867ab3c5b811602110083718a8c36a27ca0ae013bdd0d20'],
  ['20261123033244_service-catalogue-and-requests', 'a6bd3416cf84dc4ee97ab161e1b0afd74b0d55cf99a6ced5d46ba1985a3e8ca9'],
  ['20261123033245_service-tables-rls-and-grants', 'fd98afafafa68b03987c25a2eddc542cee00aaa3e130066279218e9a11aa1cea'],
  [
    '20261123033951_payroll-and-recruitment-records',
    'd458666a73abb998c3dc95b9dae9014c98be2088a8f1243bda27de6f340f81b8',
  ],
  [
    '20261123033952_payroll-and-recruitment-rls-and-grants',
    'd128e1cdb786e1674f24a61267650e1d81d147a3366a514a54b1d63d9a45cd9b',
  ],
  ['20261123034053_working-days', '2329927ffb06b92b526c1accda2eb63dfa910843f94cd786632442985393fc4c'],
  ['20261123034054_working-days-rls-and-grants', '6dd1784a579a4254a84136aacd8eb3510abf1fc19eb64a4d42eca7e2f096cf20'],
  ['20261123040003_request-first-response', '4aaf37a12a2b4c74d1ce60d89f3a91e385127a0022d297711178eeeaed42e90b'],
  ['20261123041951_api-client-registration', '8263af494bae182bdc3a0d6839819233963512f78f5e256c95e599f9948c684b'],
  ['20261123041952_api-client-registration-grant', '9d87292393fecf791080ac8f01541ddc49dcd19cd666dd9ec60680ee043032a6'],
  ['20261123043429_onboarding', '155ba982fa5a13b74d911a2829ccfca9c0cb23785188672905054be0cbf92dc1'],
  ['20261123043430_onboarding-grants', '32655bf8a0d53cf319ad6f2b4acd914b4d262c46d0ca07352c3e55dee5c92db1'],
  ['20261123051016_billing-ledger', '2be80dd05c5d636de058f967bcc7c86b416ba66eec1a39da30395cab7f19d57e'],
  ['20261123051026_billing-ledger-rls-and-grants', 'd88dea8af17d404d4da4db28ab4c0b229a56abea3779e7312ae916f2b85d96e3'],
  ['20261123051329_shared-support-context', '8b107e6d77784723af276d8f3166d4afb9174ee106fa46f55de2d31328aabd44'],
  ['20261123051345_shared-support', 'e5dd0907a60c32c07a387bd9e9064855b26e9290f6a78c37fa7d317a37918508'],
  ['20261123051402_shared-support-rls-and-grants', '6bc5723747e454b7e68b5def7e6bdb28cffa85d12f8b9c258201b5a2b1e6ff1e'],
  ['20261123051426_business-cases', '550ffebdab9f45da0435a388ffb9c26c6602d4f0eebd3043aa8e13c911d8cbd3'],
  ['20261123051427_business-cases-rls-and-grants', '57f07cd4d280776360d631dfbbf2a23ba91aceeeb8eddc2a5edb872229192c64'],
  ['20261123051927_tenant-context-buckets', 'f384bf3829e878da7a916b5797819e5fccbfd3f0166339675b6765b3d7a73423'],
  ['20261123051930_tenant-writes-in-context', '4b1d9ea89ef5369b0e6b2bb1ae2042edac492cbbed5c8809324be359e46c0342'],
  ['20261123051959_partnership-writes-in-context', '7e8945106e778fa51e931bf47154c4b5607d4d0f8bc05cc3733d1c5f75039a7b'],
  ['20261123052252_tenant-context-16-buckets', 'bc05f6e3283e776517ee18001e183d48769e5b2e9625a9a12068f6e0ecd37457'],
  ['20261123054412_tenant-context-setter-lighter', '4a1c08ae2bbee9d21ccb0cc14f563c0bdea3890ea5400ad5de9629a197614203'],
  [
    '20261123054835_shared-support-read-receipts-and-idempotency',
    'a79197b6213b301d4451ee94634aa513c91b057a16ca1eb351149629aa3571b9',
  ],
  [
    '20261123054837_shared-support-read-receipts-grants',
    '4d3a1111d34e3b7af2badfeaf0fac47cb9e0ac4a40a83214a8d502bdc9bde29e',
  ],
  ['20261201123545_tenant-context-at-scale', '5b3bfb7ac4a61d06bdef95272f0b08ae6535f07d5ab0dfb6a79c897d802d2926'],
  [
    '20261201144642_delegation-widening-in-permissive-policy',
    'bbcea2a7907807d4c5bea5b1e063315c610849a39f03aef4342295d299d64ec6',
  ],
  ['20261201153623_bitemporal-records-and-imports', 'a696dd5575359783795b88118e7ba682e058e5dfe350749454332a8e72773b14'],
  [
    '20261201153631_records-append-only-rls-and-grants',
    '353d8025d2d83374c684b8a78a8c09a6443ea99e8608073415fc14b996f3aa2b',
  ],
  ['20261201183941_confirmed-callers-see-tenants', 'ed6d11bc2565842521fb9c8381d25755f839545853f3d28cec1ad04ea1bc3e8b'],
  ['20261201184752_sla-rules-and-calendars', '541dd45a90d06dbcb1b7e26e1bf7d97e08c15a750a7570c278c0548989462ca6'],
  [
    '20261201184757_calendars-rls-grants-and-first-versions',
    '46aed7d9a95afceaacddd6026ece3a50a68126f7306aeb107b1ee40c49b28634',
  ],
  [
    '20261201190724_service-desk-history-and-record-retraction',
    'e81dcffe697cf6e8c6271226f15150aa7e1416e0c38168b1eb57a23f68d323ae',
  ],
  ['20261202010416_ledger-figures', 'fb0b0849aa424025f56e6f2fac382ffb7fa21e59f731f3405ca0f4a5a248d4ee'],
  [
    '20261202010426_ledger-figures-rls-grants-and-backfill',
    '54a667cf19147b403d05ee1035888e6637ab58e70c91b2ad3a3bcaebcff7f65b',
  ],
  ['20261202021231_application-roles-without-jit', '6b1ff280fcc0c526df5fc94a27859ade921d769450a3c0cd2548c2b71b2b5660'],
]);
