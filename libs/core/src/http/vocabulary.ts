/** Validation vocabulary every HTTP edge shares: ids, instants, dates, enumerations. */
export const PERSON_ID = /^[A-Za-z0-9._@-]{1,100}$/;
export const PERSON_ID_MESSAGE = '$property must be 1–100 letters, digits, ".", "_", "@" or "-"';
export const PERSON_IDS_MESSAGE = 'each of $property must be 1–100 letters, digits, ".", "_", "@" or "-"';
export const allowed = (values: readonly string[]): string => `$property must be one of: ${values.join(', ')}`;
export const ISO_INSTANT = /T.*(Z|[+-]\d{2}:\d{2})$/;
export const ISO_INSTANT_MESSAGE = '$property must be an ISO 8601 date-time with a UTC offset';
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_MESSAGE = '$property must be a date as YYYY-MM-DD';
