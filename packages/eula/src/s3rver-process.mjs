// An S3-compatible server (s3rver) in its own process, for tests: started by `startS3Server` in
// `./s3-server.ts`. Plain JavaScript because a child process starts without a TypeScript loader.
// Arguments: the folder it keeps buckets in, then the buckets to create. It prints one JSON line,
// `{"port":N}`, once it listens, and exits when its parent closes stdin (or dies), so a crashed
// test run leaves no server behind.
import S3rver from "s3rver";

const [directory, ...buckets] = process.argv.slice(2);
if (!directory) {
  process.stderr.write("usage: s3rver-process.mjs <directory> [bucket...]\n");
  process.exit(2);
}

const server = new S3rver({
  address: "127.0.0.1",
  port: 0,
  directory,
  silent: true,
  configureBuckets: buckets.map((name) => ({ name })),
});
const address = await server.run();
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
