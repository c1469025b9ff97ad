/**
 * CloudWatch metrics through Powertools Metrics: Embedded Metric Format log lines
 * on stdout that CloudWatch turns into metrics (alarmed in the CDK app), so no
 * function needs cloudwatch:PutMetricData. Namespace and the `service` dimension
 * come from one place (`domain/system/resources.ts`, `POWERTOOLS_SERVICE_NAME`);
 * locally the same line is just a structured log line.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { metricsNamespace } from '#domain/system/resources.ts';

export { metricsNamespace };

let metrics: Metrics | undefined;

function metricsOf(): Metrics {
  metrics ??= new Metrics({
    namespace: metricsNamespace,
    serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'shouwang',
  });
  return metrics;
}

/**
 * Counts one `name` event, its `properties` kept as metadata (searchable in the
 * log, not dimensions: a recipient per dimension would be a metric each). Stamped
 * with the real time of emission, not a job's business date: CloudWatch drops
 * points more than 14 days old. Published at once: a job may run for minutes and
 * must not lose a count to a crash.
 */
export function emitCount(name: string, properties: Record<string, string | number>): void {
  const m = metricsOf();
  for (const [k, v] of Object.entries(properties)) m.addMetadata(k, String(v));
  m.addMetric(name, MetricUnit.Count, 1);
  m.publishStoredMetrics();
}
