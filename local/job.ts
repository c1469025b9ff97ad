/**
 * `npm run job -- <job> --period YYYY-MM|YYYY-Qn [--out DIR]`: runs a scheduled job now.
 * Uses the running local stack when there is one; otherwise starts the stand-ins
 * it needs on the same data folder, and stops them afterwards.
 *
 * `--period` and `--variant` are checked before anything starts, by the same rule
 * the scheduler's runs go through (`resolveJobRequest`): a month implies the
 * monthly run, a quarter the quarterly one, and a period the run cannot honour fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { jobKinds, jobVariants, type JobKind, type JobVariant } from '#domain/system/schedules.ts';
import { resolveJobRequest } from '#functions/jobs/job-request.ts';
import type { JobRequest } from '#functions/jobs/job.types.ts';
import { assertPortFree, portsFrom } from './ports.ts';
import { setLocalEnv } from './standins.ts';
import { defaultDataDir, startStack, type Stack } from './stack.ts';
import { now } from '#functions/platform/clock.ts';

async function running(port: number): Promise<boolean> {
  try {
    await assertPortFree(port, 'probe');
    return false;
  } catch {
    return true;
  }
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      period: { type: 'string' },
      out: { type: 'string' },
      date: { type: 'string' },
      variant: { type: 'string' },
    },
  });
  const job = positionals[0] as JobKind | undefined;
  if (!job || !jobKinds.includes(job)) {
    throw new Error(
      `usage: npm run job -- <${jobKinds.join('|')}> [--period YYYY-MM|YYYY-Qn] [--date YYYY-MM-DD] [--variant ${jobVariants.join('|')}] [--out DIR]`,
    );
  }
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    throw new Error('--date must be YYYY-MM-DD');
  const variant = values.variant as JobVariant | undefined;
  if (variant !== undefined && !jobVariants.includes(variant))
    throw new Error(`--variant must be one of ${jobVariants.join(', ')}`);
  const request: JobRequest = {
    job,
    ...(values.period !== undefined ? { period: values.period } : {}),
    ...(values.date ? { date: values.date } : {}),
    ...(variant ? { variant } : {}),
  };
  // Refuse a period or variant the job cannot honour before starting any stand-in.
  const resolved = resolveJobRequest(request, now());
  console.log(
    `运行 ${job}（${resolved.variant}）${values.period ? `，期间 ${values.period}` : ''}${values.date ? `，日期 ${values.date}` : ''}`,
  );
  const ports = portsFrom();
  const config = demoCountyConfig;
  let stack: Stack | undefined;
  if (await running(ports.dynamo)) {
    console.log('使用正在运行的本地环境。');
    setLocalEnv(ports, config);
  } else {
    console.log('本地环境未运行，临时启动所需的模拟服务…');
    stack = await startStack({
      ports,
      dataDir: process.env.SHOUWANG_DATA_DIR ?? defaultDataDir,
      seed: 'demo',
      only: ['dynamo', 's3', 'ses'],
      log: console.log,
    });
  }
  try {
    const { runJob } = await import('#functions/jobs/run.ts');
    const result = await runJob(request, { config, now: now(), progress: (m) => console.log(m) });
    for (const r of result.reports) {
      console.log(
        `报告：${r.title}（${r.pages} 页）${r.created ? '→ 已归档' : '（此前已归档，本次只补发）'} ${r.pdfKey}`,
      );
    }
    const sent = result.deliveries.filter((d) => d.status === 'sent').length;
    const skipped = result.deliveries.filter((d) => d.status === 'skipped').length;
    const failed = result.deliveries.filter((d) => d.status === 'failed' || d.status === 'abandoned');
    console.log(
      `邮件：发送 ${sent}，已发送过而跳过 ${skipped}，失败 ${failed.length}（失败的会按退避时间自动重试）`,
    );
    for (const f of failed) console.log(`  失败 ${f.recipient}: ${f.error}`);
    if (values.out) {
      fs.mkdirSync(values.out, { recursive: true });
      for (const f of result.files) {
        const file = path.join(values.out, f.filename);
        fs.writeFileSync(file, f.content);
        console.log(`已写出 ${file}`);
      }
    }
    if (stack)
      console.log(
        '提示：本次临时启动的邮件模拟服务已随任务结束关闭；要在本地邮箱查看邮件，请先运行 npm start 再执行任务。',
      );
    if (failed.length) process.exitCode = 2;
  } finally {
    await stack?.stop();
  }
}

main().catch((e: unknown) => {
  console.error(`任务失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
