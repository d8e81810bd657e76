/** Every text `<cas-connect>` shows itself; its `strings` property may override any of them (and is handed to the flow shown). */
export interface CasConnectStrings {
  /** The heading of the choice (the `heading` slot replaces it). */
  heading: string;
  /** Under the heading. */
  intro: string;
  upload: string;
  /** What the upload needs. */
  uploadNeeds: string;
  cdsl: string;
  cdslNeeds: string;
  inbox: string;
  /** What the mailbox needs: `{providers}` the providers offered ("Gmail, Outlook or Zoho Mail"). */
  inboxNeeds: string;
  mailback: string;
  mailbackNeeds: string;
  forward: string;
  /** What forwarding needs: the e-mail the investor already has. */
  forwardNeeds: string;
  /** Back to the choice. */
  back: string;
  /** While a flow's code loads. */
  loading: string;
}

/** English, the default. */
export const en: CasConnectStrings = {
  heading: 'Share your investment statement',
  intro: 'Choose how to bring in your Consolidated Account Statement (CAS).',
  upload: 'Upload the PDF',
  uploadNeeds: 'Needs your PDF and its password.',
  cdsl: 'Fetch it from CDSL',
  cdslNeeds: 'Needs your PAN, BO ID and your phone.',
  inbox: 'Find it in your mailbox',
  inboxNeeds: 'Needs your {providers} account.',
  mailback: 'Get it by e-mail',
  mailbackNeeds: 'Needs your e-mail; the statement arrives in a few minutes.',
  forward: 'Forward the e-mail you have',
  forwardNeeds: 'Needs the e-mail with your statement.',
  back: 'Other ways',
  loading: 'Loading…',
};
