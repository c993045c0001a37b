/**
 * A test event the endpoint did not take (exit 1). The command has printed what happened; the
 * message says it once more on stderr, so a script sees why the exit code is not 0.
 */
export class WebhookNotDelivered extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookNotDelivered";
  }
}
