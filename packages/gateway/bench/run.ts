// `pnpm bench`: each benchmark in its own process (each builds its own database), in turn.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

for (const name of [
  'organisations-page',
  'performance-report',
  'bulk-onboarding',
  'record-import',
  'savings-reconciliation',
  'skills-directory-search',
  'large-partnership',
]) {
  execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`./${name}.ts`, import.meta.url))], {
    stdio: 'inherit',
  });
}
