export * from './catalogue.ts';
export * from './onboarding-requests.ts';
export * from './payroll.ts';
export * from './record-imports.ts';
export * from './recruitment.ts';
export * from './service-enums.ts';
export * from './service-requests.ts';
export * from './subscriptions.ts';
