// A stamping worker that crashes, as an uncaught exception would, on a job whose footer names
// account 666666666666, and otherwise stamps as the real one does: for tests that prove a crash
// fails its one job and the next job gets a new worker. The real worker's listener starts that
// job too, but the exception is thrown on the next tick, before the stamping gets anywhere.
import { parentPort } from "node:worker_threads";
import "./stamp-worker.mjs";

parentPort?.on("message", ({ footer }) => {
  if (typeof footer === "string" && footer.includes("666666666666")) throw new Error("the test worker crashed on purpose");
});
