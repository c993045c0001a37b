import { DAMAGED } from "./damaged";
import { ENCRYPTED } from "./encrypted";
import type { CorpusEntry } from "./entry";
import { READABLE } from "./readable";

export type { CorpusEntry } from "./entry";

/** Every file of the agreement corpus, in the order the test reports them. */
export const CORPUS: CorpusEntry[] = [...READABLE, ...DAMAGED, ...ENCRYPTED];
