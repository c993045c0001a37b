import { storedKey } from "./session";

/** Hands `content` to the browser as a file download named `fileName`. */
export function saveFile(fileName: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The browser reads the blob when the download starts, after this task; revoking now would cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The name a `Content-Disposition: attachment; filename="..."` header gives, if any. */
export function fileNameOf(disposition: string | null): string | null {
  const match = /filename="([^"/\\]+)"/.exec(disposition ?? "");
  return match?.[1] ?? null;
}

/** The sentence in the server's JSON error answer, `{ error: { message } }`. */
function messageFrom(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const { error } = body;
  if (typeof error !== "object" || error === null || !("message" in error)) return null;
  return typeof error.message === "string" ? error.message : null;
}

/**
 * Downloads a file from one of this server's plain HTTP routes, which take the API key as a
 * Bearer header (so a link alone cannot carry it): fetched here, saved from a Blob.
 */
export async function downloadFromServer(path: string, fallbackName: string): Promise<string> {
  const key = storedKey();
  if (!key) throw new Error("Your session has ended. Sign in again to download.");
  let response: Response;
  try {
    response = await fetch(`${window.location.origin}${path}`, { headers: { authorization: `Bearer ${key}` } });
  } catch {
    throw new Error("The server could not be reached. Check your connection and try again.");
  }
  if (!response.ok) {
    const message = messageFrom(await response.json().catch(() => null));
    throw new Error(message ?? `The download failed (HTTP ${response.status}).`);
  }
  const fileName = fileNameOf(response.headers.get("content-disposition")) ?? fallbackName;
  saveFile(fileName, await response.blob());
  return fileName;
}
