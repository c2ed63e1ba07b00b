import type { ContactFile } from '../../../services/contacts/contact-files';

/** Hands a file to the browser's downloads (a same-origin blob: link, allowed by the CSP). */
export function downloadFile(file: ContactFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // The download has started from the click; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
