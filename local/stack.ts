/**
 * The whole embedded stack: stand-ins, the demo county, the site with `/api/*`,
 * and the schedules. `npm start`, `npm run job` and the end-to-end tests use it.
 */
import path from 'node:path';
import type http from 'node:http';
import { demoCountyConfig, type CountyConfig } from '#domain/config/county-config.ts';
import { envNames } from '#domain/system/resources.ts';
import { startStandins, type Standins, type StandinOptions } from './standins.ts';
import { startWeb } from './web.ts';
import { startScheduler } from './scheduler.ts';
import type { SeedScale } from './seed.ts';
import type { Ports } from './ports.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const defaultDataDir = path.join(repoRoot, '.data');
export const siteDir = path.join(repoRoot, 'forms', 'dist');

export interface StackOptions {
  ports: Ports;
  dataDir?: string;
  config?: CountyConfig;
  seed?: SeedScale | false;
  web?: boolean;
  scheduler?: boolean;
  only?: StandinOptions['only'];
  log?: (m: string) => void;
}

export interface Stack {
  standins: Standins;
  config: CountyConfig;
  webUrl?: string;
  stop(): Promise<void>;
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? (() => undefined);
  const config = opts.config ?? demoCountyConfig;
  const standins = await startStandins({
    ports: opts.ports,
    config,
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.only ? { only: opts.only } : {}),
  });
  const stops: Array<() => Promise<void>> = [() => standins.stop()];
  try {
    if (opts.seed) {
      // Loaded only when seeding: the generator is not needed to serve requests.
      const { isSeeded, seedCounty, openDemoEntryWindows } = await import('./seed.ts');
      if (!(await isSeeded(config.countyCode))) {
        log(`生成并载入示范县数据（${opts.seed}）…`);
        await seedCounty({ scale: opts.seed, config, cognito: standins.cognito, log });
      }
      if (opts.seed === 'demo') await openDemoEntryWindows(config);
    }
    let webUrl: string | undefined;
    if (opts.web) {
      const server: http.Server = await startWeb({
        port: opts.ports.web,
        siteDir,
        runtimeConfig: () => ({
          auth: {
            endpoint: standins.cognito?.endpoint ?? '',
            region: process.env.AWS_REGION ?? 'us-east-1',
            userPoolId: process.env[envNames.userPoolId] ?? '',
            clientId: process.env[envNames.userPoolClientId] ?? '',
          },
          county: config,
        }),
      });
      stops.unshift(
        () =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      );
      webUrl = `http://127.0.0.1:${opts.ports.web}`;
    }
    if (opts.scheduler) {
      const sched = startScheduler(log);
      stops.unshift(async () => sched.stop());
    }
    return {
      standins,
      config,
      ...(webUrl ? { webUrl } : {}),
      async stop() {
        for (const s of stops) await s().catch(() => undefined);
      },
    };
  } catch (e) {
    for (const s of stops) await s().catch(() => undefined);
    throw e;
  }
}
