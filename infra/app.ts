/**
 * The CDK app: `npm run synth` (tsx infra/app.ts) writes cdk.out offline; the
 * aws-cdk CLI deploys it. Choose the environment with `-c env=` / SHOUWANG_ENV and
 * a county's file with `-c config=` / SHOUWANG_CONFIG (see infra/config.ts).
 */
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError, loadConfig, readConfigFile } from './config.ts';
import { repositoryRoot } from './constructs/functions.ts';
import { ShouwangStack } from './stack.ts';

// Run by tsx there is no CLI to pick an output folder; the CLI sets CDK_OUTDIR itself.
const app = new App({ outdir: process.env.CDK_OUTDIR ?? join(repositoryRoot, 'cdk.out') });

const envName = String(app.node.tryGetContext('env') ?? process.env.SHOUWANG_ENV ?? 'demo');
const configFile = (app.node.tryGetContext('config') as string | undefined) ?? process.env.SHOUWANG_CONFIG;
let config;
try {
  config = loadConfig(envName, configFile ? readConfigFile(configFile) : undefined);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}

const account = config.aws.account ?? process.env.CDK_DEFAULT_ACCOUNT;
const region = config.aws.region ?? process.env.CDK_DEFAULT_REGION;
const stack = new ShouwangStack(app, `Shouwang-${config.envName}`, {
  config,
  description: `Shouwang (守望) for ${config.county.countyName} (${config.county.countyCode}), environment ${config.envName}`,
  ...(account || region ? { env: { ...(account ? { account } : {}), ...(region ? { region } : {}) } } : {}),
});
// AWS's best-practice rules run at every synth; a finding that is not acknowledged stops it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

const assembly = app.synth();
// Without the CLI nobody prints annotations: show CDK's own warnings and fail on errors.
const messages = assembly.getStackArtifact(stack.artifactId).messages;
for (const m of messages) if (m.level !== 'info') console.error(`[${m.level}] ${m.id}: ${String(m.entry.data)}`);
if (messages.some((m) => m.level === 'error')) process.exit(1);
console.log(`Synthesized ${stack.stackName} (${config.county.countyName}) to ${assembly.directory}`);
