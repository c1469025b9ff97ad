/**
 * The CDK app entry: `npm run synth` (tsx infra/app.ts) writes cdk.out offline and
 * the aws-cdk CLI deploys it. Choose the environment with `-c env=` / SHOUWANG_ENV
 * and a county's file with `-c config=` / SHOUWANG_CONFIG (see infra/config.ts).
 */
import { join } from 'node:path';
import { buildApp } from './build.ts';
import { ConfigError } from './config.ts';
import { repositoryRoot } from './constructs/functions.ts';

try {
  // Run by tsx there is no CLI to choose the output folder; the CLI sets CDK_OUTDIR itself.
  const { app, stack, config } = buildApp({
    outdir: process.env.CDK_OUTDIR ?? join(repositoryRoot, 'cdk.out'),
  });
  const assembly = app.synth();
  // Without the CLI nobody prints annotations: show CDK's own warnings, fail on errors.
  const messages = assembly.getStackArtifact(stack.artifactId).messages;
  for (const m of messages)
    if (m.level !== 'info') console.error(`[${m.level}] ${m.id}: ${String(m.entry.data)}`);
  if (messages.some((m) => m.level === 'error')) process.exitCode = 1;
  else console.log(`Synthesized ${stack.stackName} (${config.county.countyName}) to ${assembly.directory}`);
} catch (e) {
  // A configuration mistake is the user's to fix: the message alone says what, without a stack trace.
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
