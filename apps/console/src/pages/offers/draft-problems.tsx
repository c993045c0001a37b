import type { FieldIssue } from "@offerkit/sdk";
import { fieldLabel } from "./field-labels";

/**
 * What stops a draft from being sent today, each under the field to fix; or that nothing does.
 * The server works the list out by today's rules and clock; sending checks everything again.
 */
export function DraftProblems({ problems }: { problems: readonly FieldIssue[] }) {
  if (problems.length === 0) return <p className="ok-note">Ready to send: every rule is met today. Sending checks them all again.</p>;
  return (
    <section className="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">Before it can be sent</h2>
      <p>Edit the draft to fix {problems.length === 1 ? "this" : `these ${problems.length}`}:</p>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.path.join(".")}:${problem.message}`}>
            <strong>{fieldLabel(problem.path)}</strong>: {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
