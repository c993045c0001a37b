// Writes click batches on its own thread and its own SQLite connection, so the redirect's
// event loop never spends its time in SQLite. Plain JavaScript: workers start without a loader.
import { parentPort, workerData } from "node:worker_threads";
import SQLite from "better-sqlite3";

const file = new SQLite(workerData.path);
file.pragma("journal_mode = WAL");
file.pragma("synchronous = NORMAL");
file.pragma("busy_timeout = 5000");
// Visitor keys land at random places in the key and the attribution index: a large page cache
// and memory-mapped reads keep a growing table from slowing every insert down.
file.pragma("cache_size = -262144");
file.pragma("mmap_size = 1073741824");
const insert = file.prepare(
  "insert into clicks (asin, ref_tag, session_key, day, clicked_at) values (?, ?, ?, ?, ?) on conflict do nothing",
);
const insertAll = file.transaction((rows) => {
  let inserted = 0;
  for (const row of rows.split("\n")) {
    const [asin, refTag, sessionKey, day, clickedAt] = row.split("\t");
    inserted += insert.run(asin, refTag, sessionKey, day, clickedAt).changes;
  }
  return inserted;
});

parentPort.on("message", (message) => {
  if (message.type === "close") {
    file.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id: message.id, inserted: insertAll(message.rows) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
