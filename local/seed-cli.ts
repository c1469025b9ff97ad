/**
 * `npm run seed -- --scale demo|county [--seed N]`: generates a synthetic county
 * and loads it into the local store, printing progress, row counts and the time
 * taken. Uses the running local stack when there is one (its DynamoDB and
 * Cognito); otherwise starts the stand-ins it needs on the same data folder and
 * stops them afterwards. Loading twice changes nothing: every item is a put of a
 * deterministic key.
 */
import { parseArgs } from 'node:util';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { assertPortFree, portsFrom } from './ports.ts';
import { seedCounty, type SeedScale } from './seed.ts';
import { setLocalEnv } from './standins.ts';
import { defaultDataDir, startStack, type Stack } from './stack.ts';

async function running(port: number): Promise<boolean> {
  try {
    await assertPortFree(port, 'probe');
    return false;
  } catch {
    return true;
  }
}

async function main() {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: 'demo' }, seed: { type: 'string', default: '1' } },
  });
  const scale = values.scale as SeedScale;
  const seed = Number(values.seed);
  if (scale !== 'demo' && scale !== 'county')
    throw new Error('usage: npm run seed -- --scale demo|county [--seed N]');
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  const ports = portsFrom();
  const config = demoCountyConfig;
  let stack: Stack | undefined;
  if (await running(ports.dynamo)) {
    // The running stack's Cognito pool id is not known from outside: accounts are made by `npm start`'s seeding.
    console.log('使用正在运行的本地环境（只载入数据，不创建登录账号）。');
    setLocalEnv(ports, config);
  } else {
    console.log('本地环境未运行，临时启动数据库和登录模拟服务…');
    stack = await startStack({
      ports,
      dataDir: process.env.SHOUWANG_DATA_DIR ?? defaultDataDir,
      seed: false,
      only: ['dynamo', 'cognito'],
    });
  }
  try {
    console.log(`生成并载入合成数据：规模 ${scale}，种子 ${seed}`);
    const s = await seedCounty({ scale, seed, config, cognito: stack?.standins.cognito, log: console.log });
    console.log('完成：');
    console.log(`  组织机构 ${s.units}，农户 ${s.households}，家庭成员 ${s.people}，工作人员 ${s.staff}`);
    console.log(
      `  责任分工 ${s.assignments}，信息员 ${s.informationOfficers}，报告收件人 ${s.reportRecipients}，收入记录 ${s.incomeRecords}`,
    );
    console.log(`  用时 ${s.seconds.toFixed(1)} 秒`);
  } finally {
    await stack?.stop();
  }
}

main().catch((e: unknown) => {
  console.error(`载入失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
