import { bootstrapApplication } from '@angular/platform-browser';
import { provideZonelessChangeDetection } from '@angular/core';
import { StatementUploadComponent } from './statement-upload.component';

bootstrapApplication(StatementUploadComponent, { providers: [provideZonelessChangeDetection()] }).catch((err) =>
  console.error(err),
);
