// Writes click batches on its own thread and its own SQLite connection, so the redirect's
// event loop never spends its time in SQLite. Plain JavaScript: workers start without a loader.
import { parentPort, workerData } from "node:worker_threads";
import SQLite from "better-sqlite3";

const FIELDS = 5;
// One statement inserts this many rows: each call into SQLite costs more than a row's own work.
const ROWS_PER_STATEMENT = 100;

const file = new SQLite(workerData.path);
file.pragma("journal_mode = WAL");
file.pragma("synchronous = NORMAL");
file.pragma("busy_timeout = 5000");
// Visitor keys land at random places in the primary key: a large page cache and memory-mapped
// reads keep a growing table from slowing every insert down.
file.pragma("cache_size = -262144");
file.pragma("mmap_size = 1073741824");
// This thread owns checkpoints: the event loop's connection leaves them to it (see
// createClickWriter). A batch of random visitor keys touches a page per click, and checkpoints
// far apart copy a page once for many batches: 20 000 pages (80 MB of log) cost a quarter
// less than SQLite's 1 000. Every second, whatever the server wrote elsewhere is checkpointed too.
file.pragma("wal_autocheckpoint = 20000");
file.pragma("journal_size_limit = 67108864");
const checkpoints = setInterval(() => file.pragma("wal_checkpoint(PASSIVE)"), 1000);
// "or ignore" rather than "on conflict do nothing": with an upsert clause a NOT NULL could still
// abort a statement halfway, so SQLite journals every page a many-row statement touches first,
// and a hundred random keys touch a hundred pages, spilled to a temporary file. A statement that
// cannot abort needs no such journal: random-key batches cost a fifth less, a third less kernel time.
const insertRows = (count) =>
  file.prepare(`insert or ignore into clicks (asin, ref_tag, session_key, day, clicked_at) values ${Array(count).fill("(?, ?, ?, ?, ?)").join(", ")}`);
const insertMany = insertRows(ROWS_PER_STATEMENT);
const insertOne = insertRows(1);
// A day, product and tag's count grows by the clicks that were new: reports read these counts.
const countTag = file.prepare(
  "insert into click_tags (day, asin, ref_tag, clicks) values (?, ?, ?, ?) on conflict (day, asin, ref_tag) do update set clicks = clicks + excluded.clicks",
);

// Rows arrive as one string, a line per click and a tab between fields, ending with a newline.
const insertAll = file.transaction((rows) => {
  const fields = rows.split(/[\t\n]/);
  const end = fields.length - 1;
  // A batch holds a handful of day, product and tag triples, however many clicks: grouped by
  // them, each group's new clicks are counted for its triple.
  const groups = new Map();
  for (let at = 0; at + FIELDS <= end; at += FIELDS) {
    const tag = `${fields[at + 3]}\t${fields[at]}\t${fields[at + 1]}`;
    const group = groups.get(tag);
    const row = fields.slice(at, at + FIELDS);
    if (group) group.push(...row);
    else groups.set(tag, row);
  }
  let inserted = 0;
  for (const [tag, group] of groups) {
    const step = ROWS_PER_STATEMENT * FIELDS;
    let added = 0;
    let at = 0;
    for (; at + step <= group.length; at += step) added += insertMany.run(group.slice(at, at + step)).changes;
    for (; at + FIELDS <= group.length; at += FIELDS) added += insertOne.run(group.slice(at, at + FIELDS)).changes;
    countTag.run([...tag.split("\t"), added]);
    inserted += added;
  }
  return inserted;
});

parentPort.on("message", (message) => {
  if (message.type === "close") {
    clearInterval(checkpoints);
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
