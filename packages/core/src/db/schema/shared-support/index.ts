export * from './disaster-recovery.ts';
export * from './help-between-members.ts';
export * from './member-support-records.ts';
export * from './out-of-hours-rota.ts';
export * from './shared-directory.ts';
export * from './shared-support-enums.ts';
export * from './shared-support-programmes.ts';
export * from './support-skills.ts';
