import { createServer } from 'node:net';
import { StartupError } from './startup-error.ts';

export function portInUseError(host: string, port: number, cause?: unknown): StartupError {
  return new StartupError(`Port ${port} on ${host} is already in use (another server?): stop it or set PORT`, {
    cause,
  });
}

/**
 * Fails fast when the port is taken, before migrating or seeding: binding only at the end
 * would do all that work and then die. (Another process may still take the port in between;
 * `listen` then fails with the same message.)
 */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? portInUseError(host, port, error) : error),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
