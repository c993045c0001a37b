import type { TestDeliveryResult } from "@offerkit/sdk";
import { useState } from "react";
import type { Session } from "../../session";
import { ErrorNote, Term } from "../../ui";
import { useAction } from "../../use-action";
import { utcMinute } from "../../utc-minute";

/** Sends a `webhook.test` event now and shows what the endpoint answered, beside the button. */
export function SendTestEvent({ session, endpointId, onSent }: { session: Session; endpointId: string; onSent: () => void }) {
  const [result, setResult] = useState<TestDeliveryResult | null>(null);
  const { busy, failure, run } = useAction();
  const send = () => {
    setResult(null);
    return run(async () => {
      setResult(await session.client.webhooks.sendTest({ endpointId }));
      onSent();
    });
  };
  return (
    <div className="test-event">
      <button type="button" className="primary" disabled={busy} onClick={() => void send()}>
        {busy ? "Sending..." : "Send test event"}
      </button>
      <div role="status">{result && <TestResult result={result} />}</div>
      {failure !== undefined && <ErrorNote error={failure} />}
    </div>
  );
}

function TestResult({ result }: { result: TestDeliveryResult }) {
  return (
    <div className={result.delivered ? "test-result ok-note" : "test-result error-note"}>
      <p>
        <strong>{result.delivered ? "Test event delivered" : "Test event failed"}:</strong> {result.summary}
      </p>
      <dl className="terms">
        <Term label="Status" value={result.status === null ? "No answer" : `HTTP ${result.status}`} />
        <Term label="Duration" value={`${result.durationMs} ms`} />
        <Term label="Event ID" value={<span className="mono">{result.eventId}</span>} />
        {!result.delivered && result.nextAttemptAt && <Term label="Next attempt" value={utcMinute(result.nextAttemptAt)} />}
      </dl>
      {result.response !== "" && (
        <>
          <p className="small">The endpoint's answer (its first bytes):</p>
          <pre className="response-excerpt">{result.response}</pre>
        </>
      )}
    </div>
  );
}
