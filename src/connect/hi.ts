import type { CasConnectStrings } from './en.js';

/** Hindi for `<cas-connect>`, loaded the first time it speaks Hindi (a file of its own). */
export const hi: CasConnectStrings = {
  heading: 'अपना निवेश स्टेटमेंट दें',
  intro: 'चुनें कि आप अपना कंसॉलिडेटेड अकाउंट स्टेटमेंट (CAS) कैसे देना चाहते हैं।',
  upload: 'PDF अपलोड करें',
  uploadNeeds: 'आपकी PDF और उसका पासवर्ड चाहिए।',
  cdsl: 'CDSL से मँगाएँ',
  cdslNeeds: 'आपका PAN, BO ID और आपका फ़ोन चाहिए।',
  inbox: 'अपने मेलबॉक्स में ढूँढें',
  inboxNeeds: 'आपका {providers} खाता चाहिए।',
  mailback: 'ई-मेल से पाएँ',
  mailbackNeeds: 'आपका ई-मेल चाहिए; स्टेटमेंट कुछ मिनट में आता है।',
  forward: 'अपना ई-मेल फ़ॉरवर्ड करें',
  forwardNeeds: 'आपके स्टेटमेंट वाला ई-मेल चाहिए।',
  back: 'दूसरे तरीके',
  loading: 'लोड हो रहा है…',
};
