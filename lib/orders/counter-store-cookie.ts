// A leaf module: the till's device resolution (lib/till/device.ts) reads this cookie too, and must not
// import counter-session.ts (which imports the carts room that imports it).

/** The store an admin works in at the counter (clerks always work in their own). */
export const COUNTER_STORE_COOKIE = 'omnishop_counter_store';
