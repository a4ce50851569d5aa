/** File storage: bytes behind the `FileStorage` interface, metadata in `stored_file`. */
export { MAX_FILE_BYTES } from './files.contracts.ts';
export type { StoredFile } from './files.repository.server.ts';
export { deleteStoredFile, getFileStorage, openStoredFile, type StoreFileInput, setFileStorage, storeFile } from './files.server.ts';
export { LocalDiskStorage } from './local-disk-storage.server.ts';
export type { FileBody, FileStorage, PutMeta, PutResult } from './storage.ts';
export { isSafeStorageKey } from './storage-key.ts';
