/** Stored files: product photos, company logos and certification documents. */
export const FILE_PURPOSES = ['photo', 'logo', 'document'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMimeType = (typeof IMAGE_MIME_TYPES)[number];
export const DOCUMENT_MIME_TYPES = [...IMAGE_MIME_TYPES, 'application/pdf'] as const;
export type StoredMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

/** What each purpose accepts, judged by the file's own bytes. */
export const ACCEPTED_MIME_TYPES: Record<FilePurpose, readonly StoredMimeType[]> = {
  photo: IMAGE_MIME_TYPES,
  logo: IMAGE_MIME_TYPES,
  document: DOCUMENT_MIME_TYPES,
};

/** Default upload limit per file (FILE_MAX_BYTES). */
export const DEFAULT_FILE_MAX_BYTES = 5 * 1024 * 1024;
/** Images are re-encoded to fit this box, and get a thumbnail of this width and height at most. */
export const IMAGE_MAX_PX = 2000;
export const THUMB_MAX_PX = 400;

/** A stored file as the API returns it. Ids never change their content, so URLs are cacheable forever. */
export interface FileRef {
  id: string;
  purpose: FilePurpose;
  mime: StoredMimeType;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  url: string;
  /** a 400 px WebP for images; null for PDFs */
  thumbUrl: string | null;
}

export function fileUrl(id: string): string {
  return `/api/files/${id}`;
}

export function fileThumbUrl(id: string): string {
  return `/api/files/${id}/thumb`;
}
