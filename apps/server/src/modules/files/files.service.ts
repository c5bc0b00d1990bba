import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import sharp from 'sharp';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  ACCEPTED_MIME_TYPES,
  ErrorCode,
  fileThumbUrl,
  fileUrl,
  IMAGE_MAX_PX,
  THUMB_MAX_PX,
  type FilePurpose,
  type FileRef,
  type StoredMimeType,
} from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DomainError } from '../../common/domain-error';
import type { AuthUser } from '../../common/request-context';
import { CompaniesService } from '../companies';
import { StoredFile } from './file.entity';
import { sniffMime } from './magic-bytes';
import { readUpload, readUploads, type Upload } from './multipart';

export interface StoreFileInput {
  companyId: string | null;
  purpose: FilePurpose;
  buffer: Buffer;
  createdBy: string | null;
}

export type FileVariant = 'original' | 'thumb';

/** What GET /api/files/:id sends. */
export interface FileContent {
  body: Buffer;
  mime: string;
  etag: string;
  cacheControl: string;
  filename: string;
}

/** Decoding refuses images larger than this many pixels (decompression bombs). */
const MAX_INPUT_PIXELS = 100_000_000;

const EXTENSIONS: Record<StoredMimeType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

const READERS = new Set(['organizer', 'organizer_staff']);

export function isImage(mime: string): boolean {
  return mime.startsWith('image/');
}

export function toFileRef(file: StoredFile): FileRef {
  return {
    id: file.id,
    purpose: file.purpose,
    mime: file.mime,
    sizeBytes: file.sizeBytes,
    width: file.width,
    height: file.height,
    url: fileUrl(file.id),
    thumbUrl: isImage(file.mime) ? fileThumbUrl(file.id) : null,
  };
}

interface Processed {
  data: Buffer;
  thumb: Buffer | null;
  width: number | null;
  height: number | null;
}

/**
 * Uploaded files for every feature: photos, logos and documents. The type is judged by the bytes;
 * images are re-encoded (turned upright, every metadata block such as EXIF and GPS dropped, fitted
 * into 2000 px) and get a 400 px WebP thumbnail. Bytes live in PostgreSQL, or under FILES_DIR.
 */
@Injectable()
export class FilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly companies: CompaniesService,
  ) {}

  get maxBytes(): number {
    return this.config.fileMaxBytes;
  }

  /** The one file of a multipart request; 413 FILE_TOO_LARGE over FILE_MAX_BYTES, 400 FILE_REQUIRED without one. */
  readUpload(request: FastifyRequest): Promise<Upload> {
    return readUpload(request, this.config.fileMaxBytes);
  }

  /** Every file of a multipart request (at most 8). */
  readUploads(request: FastifyRequest): Promise<{ files: Upload[]; fields: Record<string, string> }> {
    return readUploads(request, this.config.fileMaxBytes);
  }

  /** Checks, processes and stores a file, inside the caller's transaction when one is given. */
  async store(manager: EntityManager | undefined, input: StoreFileInput): Promise<StoredFile> {
    if (input.buffer.length > this.config.fileMaxBytes) {
      throw new DomainError(ErrorCode.FILE_TOO_LARGE, 413, {
        params: { maxMb: Number((this.config.fileMaxBytes / (1024 * 1024)).toFixed(1)) },
        details: { maxBytes: this.config.fileMaxBytes },
      });
    }
    const mime = sniffMime(input.buffer);
    if (!mime || !ACCEPTED_MIME_TYPES[input.purpose].includes(mime)) throw unsupported(input.purpose);
    const processed = isImage(mime) ? await this.processImage(input.buffer, mime, input.purpose) : null;
    const data = processed?.data ?? input.buffer;
    const id = randomUUID();
    const file = (manager ?? this.dataSource.manager).create(StoredFile, {
      id,
      companyId: input.companyId,
      purpose: input.purpose,
      mime,
      sizeBytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      width: processed?.width ?? null,
      height: processed?.height ?? null,
      data: null,
      thumb: null,
      storagePath: null,
      createdBy: input.createdBy,
    });
    if (this.config.filesDir) {
      file.storagePath = `${id.slice(0, 2)}/${id}.${EXTENSIONS[mime]}`;
      await this.writeToDisk(file.storagePath, data);
      if (processed?.thumb) await this.writeToDisk(thumbPath(file.storagePath), processed.thumb);
    } else {
      file.data = data;
      file.thumb = processed?.thumb ?? null;
    }
    await (manager ?? this.dataSource.manager).insert(StoredFile, file);
    file.data = null;
    file.thumb = null;
    return file;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<StoredFile | null> {
    return manager.findOneBy(StoredFile, { id });
  }

  async refs(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, FileRef>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.findBy(StoredFile, { id: In([...new Set(ids)]) });
    return new Map(rows.map((r) => [r.id, toFileRef(r)]));
  }

  /**
   * Deletes file rows inside the caller's transaction. Returns what to pass to `discard` after
   * commit, so that a rollback never leaves a row whose bytes are gone.
   */
  async remove(manager: EntityManager, ids: (string | null | undefined)[]): Promise<string[]> {
    const wanted = ids.filter((id): id is string => !!id);
    if (wanted.length === 0) return [];
    const rows = await manager.findBy(StoredFile, { id: In(wanted) });
    await manager.delete(StoredFile, { id: In(wanted) });
    return rows.flatMap((r) => (r.storagePath ? [r.storagePath, thumbPath(r.storagePath)] : []));
  }

  /** Removes the bytes of deleted files from FILES_DIR; harmless when they are already gone. */
  async discard(paths: string[]): Promise<void> {
    const dir = this.config.filesDir;
    if (!dir) return;
    await Promise.all(paths.map((p) => unlink(join(dir, p)).catch(() => undefined)));
  }

  /**
   * The bytes to send for GET /api/files/:id(/thumb). Photos and logos are public; documents only
   * for members of the owning company and organizers.
   */
  async content(auth: AuthUser | undefined, id: string, variant: FileVariant): Promise<FileContent> {
    const file = await this.find(id);
    if (!file) throw DomainError.notFound();
    const isPublic = file.purpose !== 'document';
    if (!isPublic) {
      if (!auth) throw DomainError.unauthenticated();
      if (!READERS.has(auth.role)) {
        if (!file.companyId) throw DomainError.forbidden();
        await this.companies.assertMember(auth, file.companyId);
      }
    }
    return this.deliver(file, variant, isPublic);
  }

  /**
   * The original bytes of a document for a feature that has checked the reader's access itself (a
   * contract's attachment, readable by both parties and the organizers). Never cached publicly.
   */
  async documentContent(id: string): Promise<FileContent> {
    const file = await this.find(id);
    if (!file) throw DomainError.notFound();
    return this.deliver(file, 'original', false);
  }

  private async deliver(file: StoredFile, variant: FileVariant, isPublic: boolean): Promise<FileContent> {
    if (variant === 'thumb' && !isImage(file.mime)) throw DomainError.notFound();
    const body = await this.bytes(file, variant);
    if (!body) throw DomainError.notFound();
    const thumb = variant === 'thumb';
    return {
      body,
      mime: thumb ? 'image/webp' : file.mime,
      etag: `"${file.sha256}${thumb ? '-t' : ''}"`,
      // The bytes behind an id never change.
      cacheControl: isPublic ? 'public, max-age=31536000, immutable' : 'private, max-age=3600',
      filename: `${file.purpose}-${file.id}.${thumb ? 'webp' : EXTENSIONS[file.mime]}`,
    };
  }

  private async bytes(file: StoredFile, variant: FileVariant): Promise<Buffer | null> {
    if (file.storagePath) {
      const dir = this.config.filesDir;
      if (!dir) return null;
      const path = variant === 'thumb' ? thumbPath(file.storagePath) : file.storagePath;
      return readFile(join(dir, path)).catch(() => null);
    }
    const column = variant === 'thumb' ? 'thumb' : 'data';
    const [row] = await this.dataSource.query<{ bytes: Buffer | null }[]>(
      `SELECT ${column} AS bytes FROM files WHERE id = $1`,
      [file.id],
    );
    return row?.bytes ?? null;
  }

  private async processImage(buffer: Buffer, mime: StoredMimeType, purpose: FilePurpose): Promise<Processed> {
    try {
      // rotate() applies the EXIF orientation; sharp writes no metadata unless asked to.
      const base = sharp(buffer, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
        .rotate()
        .resize({ width: IMAGE_MAX_PX, height: IMAGE_MAX_PX, fit: 'inside', withoutEnlargement: true });
      const encoded =
        mime === 'image/png'
          ? base.png({ compressionLevel: 8 })
          : mime === 'image/webp'
            ? base.webp({ quality: 86 })
            : base.jpeg({ quality: 86, mozjpeg: true });
      const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
      const thumb = await sharp(data)
        .resize({ width: THUMB_MAX_PX, height: THUMB_MAX_PX, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
      return { data, thumb, width: info.width, height: info.height };
    } catch {
      // The signature matched but the image does not decode: treat it as a file of the wrong type.
      throw unsupported(purpose);
    }
  }

  private async writeToDisk(relative: string, bytes: Buffer): Promise<void> {
    const dir = this.config.filesDir as string;
    const target = join(dir, relative);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  }
}

function thumbPath(storagePath: string): string {
  return `${storagePath}.thumb.webp`;
}

function unsupported(purpose: FilePurpose): DomainError {
  return new DomainError(ErrorCode.UNSUPPORTED_FILE_TYPE, 415, {
    details: { accepted: ACCEPTED_MIME_TYPES[purpose] },
  });
}
