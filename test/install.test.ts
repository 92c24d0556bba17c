import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { expect, test } from 'vitest';

const REPO = join(import.meta.dirname, '..');

interface LockedPackage { engines?: { node?: string } | string[]; optional?: boolean; devOptional?: boolean }

test('the tests run on the Node 24 the project installs', () => {
  expect(process.versions.node.split('.')[0]).toBe('24');
  const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  expect(lock.packages['node_modules/node']?.version).toMatch(/^24\./);
});

// .npmrc quiets npm's warnings about the machine's older Node; this is what makes that safe.
test('every installed package accepts the Node the project runs on', () => {
  const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
  const refused = Object.entries(lock.packages)
    .filter(([path]) => path !== '' && existsSync(join(REPO, path)))
    .flatMap(([path, pkg]) => {
      const range = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
      return range && !semver.satisfies(process.versions.node, range, { includePrerelease: true }) ? [`${path} needs node ${range}`] : [];
    });
  expect(refused).toEqual([]);
});
