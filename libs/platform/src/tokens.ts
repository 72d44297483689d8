export const PG_POOL = Symbol('PG_POOL');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const REDIS = Symbol('REDIS');
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
export const WORKING_CALENDAR = Symbol('WORKING_CALENDAR');
