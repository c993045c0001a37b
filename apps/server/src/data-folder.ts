import { accessSync, chmodSync, constants, mkdirSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";

/** Bits that let users other than the owner read, write or enter. */
const OTHERS = 0o077;

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
    throw error;
  }
}

function codeOf(error: unknown): string {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : String(error);
}

/**
 * Makes the data folder (the SQLite file, the EULA files, the data key) private to the user the
 * server runs as: created 0700, while the files in it are made 0600. A folder that exists is
 * checked: it must be a folder this user can write to; one others can read is started with a
 * warning per path, since changing an operator's modes behind their back would surprise them.
 * A failure throws one line naming the path, the setting and what to do.
 */
export function prepareDataFolder(dataDir: string, warn: (message: string) => void): void {
  let found: Stats | null;
  try {
    found = statOrNull(dataDir);
  } catch (error) {
    throw new Error(`The data folder ${dataDir} (OFFERKIT_DATA_DIR) cannot be reached (${codeOf(error)}): a part of its path is a file or not readable; set OFFERKIT_DATA_DIR to a folder this user can use`);
  }
  if (found === null) {
    try {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      chmodSync(dataDir, 0o700);
    } catch (error) {
      throw new Error(`The data folder ${dataDir} (OFFERKIT_DATA_DIR) cannot be made (${codeOf(error)}): let this user write to its parent, or set OFFERKIT_DATA_DIR to another folder`);
    }
    return;
  }
  if (!found.isDirectory()) {
    throw new Error(`The data folder ${dataDir} (OFFERKIT_DATA_DIR) is a file, not a folder: move the file away, or set OFFERKIT_DATA_DIR to a folder`);
  }
  try {
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch {
    throw new Error(`The data folder ${dataDir} (OFFERKIT_DATA_DIR) is not writable by this user: give it to the user the server runs as, or set OFFERKIT_DATA_DIR to another folder`);
  }
  for (const path of [dataDir, join(dataDir, "offerkit.sqlite"), join(dataDir, "data.key"), join(dataDir, "blobs")]) {
    const stats = statOrNull(path);
    if (stats !== null && (stats.mode & OTHERS) !== 0) {
      const mode = (stats.mode & 0o777).toString(8);
      warn(`${path} can be read by other users of this machine (mode ${mode}): chmod ${stats.isDirectory() ? "700" : "600"} it`);
    }
  }
}
