/** The caller comes from the identity library's verified token; re-exported for the workflow libraries. */
export { CurrentActor, type Actor } from '@casework/identity/actor';
