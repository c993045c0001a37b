/** A JSON value: what a change's `DetailsDocument` may hold. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
