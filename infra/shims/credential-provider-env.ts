/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles. Lambda
 * always hands a function its role's credentials in the environment
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), so the default
 * chain's other sources (profiles, SSO, web identity, instance metadata, and the
 * STS and SSO clients they carry, about 100 KB) are never reached there. Local runs
 * are not bundled and keep the SDK's own chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}) => fromEnv(init);
