export * from './affordability-charges.ts';
export * from './billing-enums.ts';
export * from './business-cases.ts';
export * from './reduction-requests.ts';
export * from './savings-ledger.ts';
export * from './savings-ledger-figures.ts';
export * from './savings-opportunities.ts';
export * from './statement-credits.ts';
