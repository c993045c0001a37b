import type { FieldIssue, OfferkitError } from "@offerkit/sdk";

/** Line breaks in a server message would break the line-per-issue layout scripts rely on. */
function flatten(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** An issue as a rep fixing a file reads it: the field's path as the file writes it, then the rule. */
function said(issue: FieldIssue): string {
  return flatten(`${issue.path.join(".") || "input"}: ${issue.message}`);
}

function fieldCount(count: number): string {
  return count === 1 ? "1 field is invalid" : `${count} fields are invalid`;
}

/**
 * `CODE: headline`, then one line per field issue, each with its path. The server's message
 * often lists the issues itself (joined on one line, or the first one only); those are cut from
 * the headline and said once each on their own line. An issue whose rule the message already
 * says without a field (a refused EULA's) is not repeated. A lone issue that is the whole
 * message stays one line: `VALIDATION_FAILED: buyerAccounts.0: ...`.
 */
export function describeApiError(error: OfferkitError): string[] {
  const message = flatten(error.message);
  const listed = error.issues.filter((issue) => message.includes(said(issue)) || !message.includes(flatten(issue.message)));
  const starts = listed.map((issue) => message.indexOf(said(issue))).filter((index) => index >= 0);
  const cut = starts.length === 0 ? -1 : Math.min(...starts);
  const [only] = listed;
  if (listed.length === 1 && only !== undefined && cut === 0) return [`${error.code}: ${said(only)}`];
  const headline = cut === -1 ? message : message.slice(0, cut).replace(/[\s:;(,]+$/, "");
  return [`${error.code}: ${headline || fieldCount(listed.length)}`, ...listed.map((issue) => `  ${said(issue)}`)];
}
