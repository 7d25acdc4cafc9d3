// Tokens and who is calling: light enough for the CLI to load without the database or GraphQL
// (`@ssp/core/auth`).

export * from './authentication-error.ts';
export * from './principal.ts';
export * from './secret-hash.ts';
export * from './signing-key-store.ts';
export * from './token-issuer.ts';
export * from './token-verifier.ts';
