import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import 'cas-upload';
import 'cas-upload/connect';
import type { CasUploadSuccessDetail } from 'cas-upload';

@Component({
  selector: 'app-statement-upload',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <cas-upload
      [apiBase]="apiBase"
      [tokenProvider]="getToken"
      (cas-upload-select)="onEvent($event)"
      (cas-upload-start)="onEvent($event)"
      (cas-upload-progress)="onEvent($event)"
      (cas-upload-error)="onEvent($event)"
      (cas-upload-success)="onSuccess($event)"
    ></cas-upload>
    <output id="result">{{ investor }}</output>
    <ol id="events">
      @for (type of events; track $index) {
        <li>{{ type }}</li>
      }
    </ol>

    <cas-connect [apiBase]="apiBase" [tokenUrl]="tokenUrl"></cas-connect>
  `,
})
export class StatementUploadComponent {
  /** The test's stand-in for the CAS Parser API: leave `apiBase` out in your app (the default is https://api.casparser.in). */
  apiBase = location.origin;
  /** Your backend's endpoint that returns a short-lived access token. */
  tokenUrl = '/token';
  getToken = async () => (await fetch(this.tokenUrl)).json();

  investor = '';
  events: string[] = [];

  onEvent(event: Event) {
    this.events.push(event.type);
  }
  onSuccess(event: Event) {
    this.onEvent(event);
    const { result } = (event as CustomEvent<CasUploadSuccessDetail>).detail;
    this.investor = result.investor?.name ?? '';
  }
}
