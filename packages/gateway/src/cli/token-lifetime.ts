/**
 * The longest lifetime a CLI-minted token may have: the verifier's default maximum token
 * lifetime (a day), so a development token is never one the API then refuses.
 */
export const MAX_CLI_TOKEN_SECONDS = 86_400;

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/** Reads `--ttl`: seconds ("3600") or a number with a unit ("90m", "8h", "1d"), 60 s to a day. */
export function parseTokenLifetime(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match) throw new RangeError(`--ttl "${text}" is not a duration: use seconds or 90m, 8h, 1d`);
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1);
  if (seconds < 60 || seconds > MAX_CLI_TOKEN_SECONDS) {
    throw new RangeError(`--ttl must be from 60 seconds to ${MAX_CLI_TOKEN_SECONDS / 3_600} hours, got ${text}`);
  }
  return seconds;
}

/** "15 minutes", "8 hours": how long a token lasts, for the line printed beside it. */
export function describeLifetime(seconds: number): string {
  if (seconds % 3_600 === 0) return `${seconds / 3_600} hour${seconds === 3_600 ? '' : 's'}`;
  if (seconds % 60 === 0) return `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
