/** The trauma HTTP edge validates with the shared vocabulary. */
export * from '@casework/core/http/vocabulary';
