/**
 * English texts the flows share (`checkFields`: those with typed details, `<cas-cdsl-fetch>`
 * and `<cas-mailback>`; `show`: every flow with a password field); each flow's strings spread
 * them, and `flow-messages.hi.ts` has the Hindi ones.
 */
export const flowTexts = {
  /** `invalid-details` when the checks know which fields failed: `{fields}` names them. */
  checkFields: 'Please check: {fields}.',
  /** The "Show password" checkbox of a password field. */
  show: 'Show password',
};
