/**
 * Stands in for `@smithy/core/event-streams` in the Lambda bundles (about 15 KB
 * bundled). Event streams carry the responses of a few operations (S3
 * SelectObjectContent, Transcribe, Bedrock streaming…); the functions call none
 * of them, but every client bundles the codec because the protocol loads it on
 * demand and the S3 client builds a marshaller when it starts. Here the marshaller
 * is built and fails loudly if an operation ever tries to use it.
 */
const unsupported = (): never => {
  throw new Error('SHIMS.EVENT_STREAMS: event streams are not bundled (infra/shims/event-streams.ts)');
};

interface EventStreamConfig {
  eventStreamSerdeProvider: (config: never) => unknown;
}

/** The marshaller a client asks for at construction: any use of it throws. */
export const eventStreamSerdeProvider = (_options?: unknown) => ({
  serialize: unsupported,
  deserialize: unsupported,
});

/** What the S3 client calls when it is constructed: puts the marshaller on the config. */
export const resolveEventStreamSerdeConfig = <T extends EventStreamConfig>(input: T) =>
  Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input as never) });

/** Made by the protocol only for an operation with an event stream. */
export class EventStreamSerde {
  constructor(..._args: unknown[]) {
    unsupported();
  }
}
