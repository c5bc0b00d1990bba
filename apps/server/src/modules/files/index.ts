export { FilesModule } from './files.module';
export {
  FilesService,
  isImage,
  toFileRef,
  type FileContent,
  type FileVariant,
  type StoreFileInput,
} from './files.service';
export { StoredFile } from './file.entity';
export { sniffMime } from './magic-bytes';
export { readUpload, readUploads, uploadError, type Upload } from './multipart';
