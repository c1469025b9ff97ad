/**
 * Builds the CDK app for an environment: what `npm run synth` runs and what the
 * infra tests synthesize, so the tests check exactly the app that gets deployed.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { RouteDef } from '#domain/system/routes.ts';
import { loadConfig, readConfigFile, type DeploymentConfig } from './config.ts';
import { ShouwangStack } from './stack.ts';

/** Options of {@link buildApp}. */
export interface BuildOptions {
  /** Where the cloud assembly is written. */
  outdir: string;
  /** Environment name; else context `env`, else SHOUWANG_ENV, else `demo`. */
  envName?: string;
  /** County JSON file; else context `config`, else SHOUWANG_CONFIG. */
  configFile?: string;
  /** Root holding package-lock.json and `functions/` (tests may point elsewhere). */
  projectRoot?: string;
  /** Route table; else the shared one (tests build with synthetic tables). */
  routes?: readonly RouteDef[];
  /** Entry file of a handler folder; else `functions/<handler>/handler.ts`. */
  entryOf?: (handler: string) => string;
}

/** The app, its one stack and the configuration it was built from. */
export interface BuiltApp {
  app: App;
  stack: ShouwangStack;
  config: DeploymentConfig;
}

/** Validates the configuration (throws `ConfigError`) and builds the app with the AWS Solutions checks. */
export function buildApp(options: BuildOptions): BuiltApp {
  const app = new App({ outdir: options.outdir });
  const envName =
    options.envName ?? String(app.node.tryGetContext('env') ?? process.env.SHOUWANG_ENV ?? 'demo');
  const configFile =
    options.configFile ??
    (app.node.tryGetContext('config') as string | undefined) ??
    process.env.SHOUWANG_CONFIG;
  const config = loadConfig(envName, configFile ? readConfigFile(configFile) : undefined);

  const account = config.aws.account ?? process.env.CDK_DEFAULT_ACCOUNT;
  const region = config.aws.region ?? process.env.CDK_DEFAULT_REGION;
  const stack = new ShouwangStack(app, `Shouwang-${config.envName}`, {
    config,
    ...(options.projectRoot ? { projectRoot: options.projectRoot } : {}),
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.entryOf ? { entryOf: options.entryOf } : {}),
    description: `Shouwang (守望) for ${config.county.countyName} (${config.county.countyCode}), environment ${config.envName}`,
    ...(account || region ? { env: { ...(account ? { account } : {}), ...(region ? { region } : {}) } } : {}),
  });
  // AWS's best-practice rules run at every synth; a finding that is not acknowledged stops it.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, config };
}
