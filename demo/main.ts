import { setupWorker } from 'msw/browser';
import { createHandlers, createMockState, setScenario, SCENARIOS, type Scenario } from '../test/mocks/handlers.js';
import type { CasUploadElement } from '../src/element.js';

const state = createMockState({ slowMs: 8000 });
const worker = setupWorker(...createHandlers(state));
await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
// Register the element only once the mocks are listening.
await import('../src/index.js');

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = document.querySelector('cas-upload') as CasUploadElement;
const log = $<HTMLOListElement>('log');
const result = $<HTMLPreElement>('result');

const scenario = $<HTMLSelectElement>('scenario');
for (const s of SCENARIOS) scenario.add(new Option(s, s));
scenario.addEventListener('change', () => setScenario(state, scenario.value as Scenario));

$<HTMLSelectElement>('lang').addEventListener('change', (e) => {
  $('host').lang = (e.target as HTMLSelectElement).value;
});
$<HTMLSelectElement>('theme').addEventListener('change', (e) => {
  document.documentElement.dataset.theme = (e.target as HTMLSelectElement).value;
});
$('clear').addEventListener('click', () => log.replaceChildren());

// A tiny valid PDF, so the demo works without a statement at hand.
$('sample').addEventListener('click', () => {
  const pdf = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';
  el.upload(new File([pdf], 'sample-cas.pdf', { type: 'application/pdf' }), 'ABCDE1234F').catch(() => {});
});

const events = [
  'cas-upload-select',
  'cas-upload-start',
  'cas-upload-progress',
  'cas-upload-success',
  'cas-upload-error',
  'cas-upload-cancel',
] as const;
for (const type of events) {
  el.addEventListener(type, (e) => {
    const { detail } = e as CustomEvent;
    const shown =
      type === 'cas-upload-success'
        ? { ...detail, result: '{…}' }
        : type === 'cas-upload-select' || type === 'cas-upload-start'
          ? { ...detail, file: { name: detail.file.name, size: detail.file.size } }
          : detail;
    const li = document.createElement('li');
    li.textContent = `${new Date().toLocaleTimeString()} ${type} ${JSON.stringify(shown)}`;
    log.prepend(li);
    if (type === 'cas-upload-success') result.textContent = JSON.stringify(detail.result, null, 2);
  });
}
