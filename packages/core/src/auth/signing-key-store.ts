import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** The algorithm of the tokens this platform signs. Verifiers accept nothing else from us. */
export const SIGNING_ALGORITHM = 'ES256';

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
  createdAt: string;
  /** Not used for signing before this time, so verifiers can fetch the new JWKS first. */
  signFrom: string;
  /** Once set: dropped from the JWKS after this time, when its last token has expired. */
  retireAfter?: string;
}

export interface RotationTimings {
  /** How long verifiers may cache our JWKS: a new key is published this long before use. */
  jwksCacheSeconds: number;
  /** Lifetime of our tokens: an old key stays published this long after its last use. */
  tokenTtlSeconds: number;
}

const RELOAD_CHECK_MS = 5_000;

/** Writes the key file atomically, readable by its owner only. */
function writeKeyFile(file: string, keys: SigningKey[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

async function newSigningKey(signFrom: Date, now: Date): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const kid = randomUUID();
  const usage = { kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), ...usage },
    publicJwk: { ...(await exportJWK(publicKey)), ...usage },
    createdAt: now.toISOString(),
    signFrom: signFrom.toISOString(),
  };
}

/** How long verifiers may cache our JWKS; a rotated key is published this long before use. */
export const JWKS_CACHE_SECONDS = 300;

/**
 * The platform's signing keys, rotatable without downtime: a new key is published in the JWKS
 * before anything is signed with it, and an old one stays published until its tokens expire.
 */
export class SigningKeyStore {
  /** When the key file was last looked at, and its modification time then. */
  #checkedAt = 0;
  #fileMtimeMs = 0;

  private constructor(
    private keys: SigningKey[],
    private readonly file?: string,
  ) {
    if (file) this.#fileMtimeMs = statSync(file).mtimeMs;
  }

  /**
   * A running server picks up a key that `pnpm cli keys rotate` added to the file within a few
   * seconds, without a restart: the new key is then published well before its `signFrom`.
   */
  #refresh(): void {
    if (!this.file || Date.now() - this.#checkedAt < RELOAD_CHECK_MS) return;
    this.#checkedAt = Date.now();
    const mtimeMs = statSync(this.file, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined || mtimeMs === this.#fileMtimeMs) return;
    this.keys = (JSON.parse(readFileSync(this.file, 'utf8')) as { keys: SigningKey[] }).keys;
    this.#fileMtimeMs = mtimeMs;
  }

  static fromKeys(keys: SigningKey[]): SigningKeyStore {
    return new SigningKeyStore(keys);
  }

  /** A store with one key usable at once (tests, first start). */
  static async createInMemory(now = new Date()): Promise<SigningKeyStore> {
    return new SigningKeyStore([await newSigningKey(now, now)]);
  }

  /** Reads the key file, creating it (owner-only permissions) with a first key when missing. */
  static async openFile(file: string, now = new Date()): Promise<SigningKeyStore> {
    if (!existsSync(file)) {
      const key = await newSigningKey(now, now);
      writeKeyFile(file, [key]);
    }
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { keys: SigningKey[] };
    return new SigningKeyStore(parsed.keys, file);
  }

  private save(): void {
    if (!this.file) return;
    writeKeyFile(this.file, this.keys);
    this.#fileMtimeMs = statSync(this.file).mtimeMs;
  }

  /** The public keys verifiers should trust now: every key not yet retired. */
  publicJwks(now = new Date()): { keys: JWK[] } {
    this.#refresh();
    return {
      keys: this.keys.filter((key) => !key.retireAfter || new Date(key.retireAfter) > now).map((key) => key.publicJwk),
    };
  }

  /** The newest key whose publication lead time has passed. */
  signingKey(now = new Date()): SigningKey {
    this.#refresh();
    const usable = this.keys
      .filter((key) => new Date(key.signFrom) <= now && (!key.retireAfter || new Date(key.retireAfter) > now))
      .sort((a, b) => b.signFrom.localeCompare(a.signFrom));
    const key = usable[0];
    if (!key) throw new Error('No signing key is usable yet');
    return key;
  }

  /**
   * Adds a key that signs from `now + jwksCacheSeconds`, and schedules every older key to leave
   * the JWKS once the tokens it may still sign until then have expired.
   */
  async rotate(timings: RotationTimings, now = new Date()): Promise<SigningKey> {
    const signFrom = new Date(now.getTime() + timings.jwksCacheSeconds * 1000);
    const retireAfter = new Date(signFrom.getTime() + timings.tokenTtlSeconds * 1000).toISOString();
    const next = await newSigningKey(signFrom, now);
    this.keys = [...this.keys.map((key) => (key.retireAfter ? key : { ...key, retireAfter })), next].filter(
      (key) => !key.retireAfter || new Date(key.retireAfter) > now,
    );
    this.save();
    return next;
  }
}
