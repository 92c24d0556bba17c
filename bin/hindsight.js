#!/usr/bin/env node
// The executable only checks the runtime and hands over to main(); everything else is testable.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `hindsight needs Node 24 (this is Node ${process.versions.node}). Run it through npm ` +
      '(`npm run validate`) or `npx hindsight`, which use the project\'s own Node 24.\n',
  );
  process.exit(2);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
});
