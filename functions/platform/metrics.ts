/**
 * CloudWatch metrics as Embedded Metric Format log lines (what Powertools Metrics
 * writes): one JSON line on stdout that CloudWatch turns into a metric, alarmed in
 * the CDK app. Locally it is just a structured log line.
 */
import { metricsNamespace } from '#domain/system/resources.ts';

export { metricsNamespace };

export function emitCount(name: string, properties: Record<string, string | number>, now = new Date()): void {
  const service = process.env.POWERTOOLS_SERVICE_NAME ?? 'shouwang';
  const line = {
    _aws: {
      Timestamp: now.getTime(),
      CloudWatchMetrics: [
        { Namespace: metricsNamespace, Dimensions: [['service']], Metrics: [{ Name: name, Unit: 'Count' }] },
      ],
    },
    service,
    [name]: 1,
    ...properties,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
