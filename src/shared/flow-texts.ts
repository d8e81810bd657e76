/**
 * English texts the flows with typed details share (`<cas-cdsl-fetch>`, `<cas-mailback>`);
 * each flow's strings spread them, and `flow-messages.hi.ts` has the Hindi ones.
 */
export const flowTexts = {
  /** `invalid-details` when the checks know which fields failed: `{fields}` names them. */
  checkFields: 'Please check: {fields}.',
};
