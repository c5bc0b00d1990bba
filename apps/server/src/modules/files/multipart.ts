import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ErrorCode } from '@craftmatch/shared';
import { DomainError } from '../../common/domain-error';

/** One uploaded file, read whole into memory (uploads are capped by FILE_MAX_BYTES). */
export interface Upload {
  buffer: Buffer;
  /** as the client named it; never trusted for the type */
  filename: string;
  /** as the client declared it; never trusted for the type */
  declaredType: string;
  /** the text fields sent before the file */
  fields: Record<string, string>;
}

function fastifyCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

/** @fastify/multipart's errors as API errors: over the limit → 413 FILE_TOO_LARGE, and so on. */
export function uploadError(error: unknown, maxBytes: number): unknown {
  switch (fastifyCode(error)) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new DomainError(ErrorCode.FILE_TOO_LARGE, 413, {
        params: { maxMb: Number((maxBytes / (1024 * 1024)).toFixed(1)) },
        details: { maxBytes },
      });
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 413);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 415);
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
      return new DomainError(ErrorCode.BAD_REQUEST, 400);
    default:
      // busboy's own refusals of a body that is not multipart at all (no boundary, cut short)
      if (
        !(error instanceof DomainError) &&
        error instanceof Error &&
        /^(Multipart: Boundary not found|Boundary required|Unexpected end of multipart data)$|terminated early/.test(
          error.message,
        )
      )
        return new DomainError(ErrorCode.BAD_REQUEST, 400);
      return error;
  }
}

function textFields(fields: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields ?? {})) {
    const field = Array.isArray(value) ? value[0] : value;
    if (field && (field as { type?: string }).type === 'field') {
      out[name] = String((field as { value?: unknown }).value ?? '');
    }
  }
  return out;
}

/** Reads the single file of a multipart request (the first file part, whatever its field name). */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  try {
    const part = await request.file();
    if (!part) throw new DomainError(ErrorCode.FILE_REQUIRED, 400);
    const buffer = await part.toBuffer();
    return {
      buffer,
      filename: part.filename,
      declaredType: part.mimetype,
      fields: textFields(part.fields as Record<string, unknown>),
    };
  } catch (error) {
    throw uploadError(error, maxBytes);
  }
}

/** Reads every file of a multipart request (at most 8, the plugin's limit), with the text fields. */
export async function readUploads(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ files: Upload[]; fields: Record<string, string> }> {
  const files: Upload[] = [];
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        files.push({ buffer, filename: part.filename, declaredType: part.mimetype, fields: { ...fields } });
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (error) {
    throw uploadError(error, maxBytes);
  }
  if (files.length === 0) throw new DomainError(ErrorCode.FILE_REQUIRED, 400);
  return { files, fields };
}
