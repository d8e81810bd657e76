/** The mail providers the API connects (`POST /v4/inbox/connect` `provider`), in the order offered by default. */
export const INBOX_PROVIDERS = ['gmail', 'outlook', 'zoho'] as const;
/** A mail provider of `POST /v4/inbox/connect`. */
export type InboxProvider = (typeof INBOX_PROVIDERS)[number];
