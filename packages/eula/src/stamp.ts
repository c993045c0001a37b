// The stamping itself lives in a plain JavaScript module so that the stamping worker
// (`stamp-worker.mjs`), which starts without a TypeScript loader, runs the very same code.
export { sanitizeFooter, stampEula } from "./stamp-pdf.mjs";
