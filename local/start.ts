/**
 * `npm start`: the whole system on its embedded stand-ins, with the demo county.
 * Prints every URL; Ctrl-C stops everything cleanly.
 */
import fs from 'node:fs';
import { schedules } from '#domain/system/schedules.ts';
import { PortInUseError, portsFrom } from './ports.ts';
import { defaultDataDir, siteDir, startStack } from './stack.ts';
import { demoPassword } from './seed.ts';

const log = (m: string) => console.log(m);

async function main() {
  if (!fs.existsSync(`${siteDir}/index.html`)) {
    throw new Error('forms/dist is missing: run `npm run build` first (npm start does it for you).');
  }
  const ports = portsFrom();
  const dataDir = process.env.SHOUWANG_DATA_DIR ?? defaultDataDir;
  fs.mkdirSync(dataDir, { recursive: true });
  log(`守望 · 本地运行环境（数据目录 ${dataDir}）`);
  const stack = await startStack({ ports, dataDir, seed: 'demo', web: true, scheduler: true, log });
  const h = '127.0.0.1';
  log('');
  log(`  表单网站        ${stack.webUrl}/`);
  log(`  登录页          ${stack.webUrl}/login/   （示范账号见 README，密码 ${demoPassword}）`);
  log(`  API             ${stack.webUrl}/api/`);
  log(`  本地邮箱        ${stack.standins.mailboxUrl}`);
  log(`  DynamoDB        http://${h}:${ports.dynamo}  (dynalite)`);
  log(`  S3              http://${h}:${ports.s3}  (s3rver)`);
  log(`  Cognito         http://${h}:${ports.cognito}  (cognito-local)`);
  log(
    `  定时任务        ${schedules.length} 个（Asia/Shanghai），手动运行：npm run job -- monthly-income --period YYYY-MM`,
  );
  log('');
  log('按 Ctrl-C 停止。');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('\n正在停止…');
    await stack.stop();
    log('已停止。');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  if (e instanceof PortInUseError) console.error(`\n启动失败：${e.message}`);
  else console.error('\n启动失败：', e instanceof Error ? e.message : e);
  process.exit(1);
});
