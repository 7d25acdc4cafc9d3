// Exact money: integer pence in bigint, decimal strings at the edges, splits that lose no penny.
export * from './allocate.ts';
export * from './money.ts';
