import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../config.ts';

/** Props of {@link Email}. */
export interface EmailProps {
  /** Sender address and whether to verify its whole domain. */
  readonly email: DeploymentConfig['email'];
  /** Prefix of the configuration set's name. */
  readonly stage: string;
}

/**
 * SES sending: the verified identity reports are sent from and a configuration set
 * that is the identity's default, so every message gets reputation metrics and the
 * account suppression list without the functions naming the set.
 */
export class Email extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly senderAddress: string;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    this.senderAddress = props.email.senderAddress;
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: `${props.stage}-shouwang-reports`,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      // Some county and town mail servers still offer no STARTTLS; REQUIRE would drop their reports.
      tlsPolicy: ses.ConfigurationSetTlsPolicy.OPTIONAL,
    });
    const domain = props.email.senderAddress.split('@')[1] ?? '';
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: props.email.verifyDomain
        ? ses.Identity.domain(domain)
        : ses.Identity.email(props.email.senderAddress),
      configurationSet: this.configurationSet,
    });
  }

  /** Lets `grantee` send from the identity through the configuration set, and nothing else. */
  /** What sending names: the identity and its configuration set (SES checks both). */
  sendResources(): string[] {
    const configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    return [this.identity.emailIdentityArn, configurationSetArn];
  }
}
