/**
 * Creating folders safely: a path and its missing parents one level at a time, and the
 * same with a failure reported as bad input. `mkdirSync(path, { recursive: true })` is not
 * used because it loops forever under /proc on Node 20.
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { InputError } from "../common/inputError.ts";

/**
 * Creates folder `path` and its missing parents one level at a time; nothing happens when it
 * exists. Throws the file-system error (code ENOTDIR when a part of the path is a file,
 * ENOENT or EACCES when a parent refuses new folders, as /proc does).
 */
export function makeFolders(path: string): void {
  if (isFolder(path)) return;
  const parent = dirname(path);
  if (parent !== path) makeFolders(parent);
  try {
    mkdirSync(path);
  } catch (error) {
    // Another process may have made it between the check and mkdir.
    if ((error as NodeJS.ErrnoException).code === "EEXIST" && isFolder(path)) return;
    throw error;
  }
}

/** Where a folder's path came from, for the message: the flag or setting, and its value. */
export interface FolderSource {
  /** The flag or setting that named the path, e.g. `--out`. */
  file: string;
  /** The value as the user gave it. */
  value: string;
}

/**
 * `makeFolders(path)`, throwing `InputError` (`file: value (a folder whsim can create and
 * write to (CODE))`, exit code 2 in the CLI) when the folder cannot be made.
 */
export function makeFoldersForInput(path: string, source: FolderSource): void {
  try {
    makeFolders(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new InputError({
      file: source.file,
      path: "",
      value: source.value,
      expected: `a folder whsim can create and write to (${code} at ${(error as NodeJS.ErrnoException).path ?? path})`,
    });
  }
}

/** Whether `path` is a folder: false if nothing is there, an ENOTDIR error if a file is. */
function isFolder(path: string): boolean {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    return false;
  }
  if (isDirectory) return true;
  const error: NodeJS.ErrnoException = new Error(`ENOTDIR: not a directory: ${path}`);
  error.code = "ENOTDIR";
  error.path = path;
  throw error;
}
