import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { metricsNamespace } from '#functions/delivery/metrics.ts';

/** Props of {@link Monitoring}. */
export interface MonitoringProps {
  /** Functions whose errors and throttles are alarmed, by a readable name. */
  readonly functions: ReadonlyMap<string, lambda.IFunction>;
  /** The jobs' dead-letter queue. */
  readonly deadLetterQueue: sqs.IQueue;
  readonly httpApi: apigwv2.IHttpApi;
  /** The `service` dimension of the functions' metrics (their POWERTOOLS_SERVICE_NAME). */
  readonly serviceName: string;
  /** Subscribed to the topic when given. */
  readonly alarmEmail?: string;
}

/**
 * Alarms that tell the county something needs a person: a function failing or
 * throttled, a job that could not run (dead-letter queue), a report that could
 * not be e-mailed (`Shouwang/DeliveryFailed`, dimension `service`), API server errors. All notify one
 * SNS topic the county subscribes to.
 */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    // No KMS key: alarm messages carry alarm names and numbers only, never personal data.
    this.topic = new sns.Topic(this, 'AlarmTopic', { displayName: 'Shouwang alarms', enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);
    const period = Duration.minutes(5);

    const alarm = (alarmId: string, metric: cloudwatch.IMetric, description: string): void => {
      const a = new cloudwatch.Alarm(this, alarmId, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
    };

    for (const [name, fn] of props.functions) {
      alarm(`${name}-Errors`, fn.metricErrors({ period, statistic: 'Sum' }), `${name}: the function failed`);
      alarm(
        `${name}-Throttles`,
        fn.metricThrottles({ period, statistic: 'Sum' }),
        `${name}: invocations were throttled`,
      );
    }
    alarm(
      'DeadLetters',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      'A scheduled job could not be delivered or kept failing; its event is in the dead-letter queue',
    );
    // Emitted by the job function as an Embedded Metric Format log line
    // (functions/delivery/metrics.ts), so it needs no cloudwatch:PutMetricData permission.
    alarm(
      'DeliveryFailed',
      new cloudwatch.Metric({
        namespace: metricsNamespace,
        metricName: 'DeliveryFailed',
        dimensionsMap: { service: props.serviceName },
        statistic: 'Sum',
        period,
      }),
      'A report could not be e-mailed to a recipient after all retries (see the job log for who)',
    );
    alarm(
      'ApiServerErrors',
      props.httpApi.metricServerError({ period, statistic: 'Sum' }),
      'The API answered with 5xx',
    );
  }
}
