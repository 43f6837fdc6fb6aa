/**
 * Defaults that apply when a village never set a value. Kept free of imports so that the admin
 * can import them alone (`@xjf/domain/defaults`) and show the same figure the API applies.
 */

/** Approved points stay on the notice board (公示) this many days unless the village says otherwise. */
export const DEFAULT_POSTING_DAYS = 3;
