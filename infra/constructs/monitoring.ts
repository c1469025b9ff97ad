import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { metricsNamespace } from '#domain/system/resources.ts';

/** Props of {@link Monitoring}. */
export interface MonitoringProps {
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
 *
 * Made first and filled by the other constructs ({@link watchFunction} and the
 * like), so that the API's nested stacks can put each function's alarms beside
 * the function instead of in the parent stack.
 */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  /** Every alarm made here, nested stacks included. */
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly action: SnsAction;
  private readonly period = Duration.minutes(5);

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    // No KMS key: alarm messages carry alarm names and numbers only, never personal data.
    this.topic = new sns.Topic(this, 'AlarmTopic', { displayName: 'Shouwang alarms', enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    this.action = new SnsAction(this.topic);

    // Emitted by the job function as an Embedded Metric Format log line
    // (functions/platform/metrics.ts, Powertools Metrics), so it needs no cloudwatch:PutMetricData permission.
    this.alarm(
      this,
      'DeliveryFailed',
      new cloudwatch.Metric({
        namespace: metricsNamespace,
        metricName: 'DeliveryFailed',
        dimensionsMap: { service: props.serviceName },
        statistic: 'Sum',
        period: this.period,
      }),
      'A report could not be e-mailed to a recipient after all retries (see the job log for who)',
    );
  }

  private alarm(scope: Construct, alarmId: string, metric: cloudwatch.IMetric, description: string): void {
    const a = new cloudwatch.Alarm(scope, alarmId, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    a.addAlarmAction(this.action);
    a.addOkAction(this.action);
    this.alarms.push(a);
  }

  /**
   * Alarms on the function's errors and throttles.
   * @param name readable name used in the alarm ids and descriptions
   * @param scope where the alarms go (the function's nested stack); default this construct
   */
  watchFunction(name: string, fn: lambda.IFunction, scope: Construct = this): void {
    const { period } = this;
    this.alarm(
      scope,
      `${name}-Errors`,
      fn.metricErrors({ period, statistic: 'Sum' }),
      `${name}: the function failed`,
    );
    this.alarm(
      scope,
      `${name}-Throttles`,
      fn.metricThrottles({ period, statistic: 'Sum' }),
      `${name}: invocations were throttled`,
    );
  }

  /** Alarms as soon as the jobs' dead-letter queue holds a message. */
  watchDeadLetters(queue: sqs.IQueue): void {
    this.alarm(
      this,
      'DeadLetters',
      queue.metricApproximateNumberOfMessagesVisible({ period: this.period, statistic: 'Maximum' }),
      'A scheduled job could not be delivered or kept failing; its event is in the dead-letter queue',
    );
  }

  /** Alarms when the API answers with 5xx. */
  watchApi(httpApi: apigwv2.IHttpApi): void {
    this.alarm(
      this,
      'ApiServerErrors',
      httpApi.metricServerError({ period: this.period, statistic: 'Sum' }),
      'The API answered with 5xx',
    );
  }
}
