/**
 * Stands in for `@aws-sdk/middleware-endpoint-discovery` in the Lambda bundles
 * (with its LRU cache, about 8 KB bundled). The DynamoDB client still resolves
 * its endpoint discovery settings when it is made, but none of its commands
 * applies the discovery middleware any more, so neither the settings nor the
 * cache allocated for them is ever read: discovery stays off, as it is by default.
 */
export const NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS = {
  environmentVariableSelector: (): undefined => undefined,
  configFileSelector: (): undefined => undefined,
  default: undefined,
};

export const resolveEndpointDiscoveryConfig = <T extends { endpointDiscoveryEnabled?: boolean }>(
  input: T,
  { endpointDiscoveryCommandCtor }: { endpointDiscoveryCommandCtor: unknown },
) =>
  Object.assign(input, {
    endpointDiscoveryCommandCtor,
    endpointDiscoveryEnabled: () => Promise.resolve(input.endpointDiscoveryEnabled ?? false),
    isClientEndpointDiscoveryEnabled: input.endpointDiscoveryEnabled !== undefined,
  });
