import i18n from '../i18n';

export interface RowError {
  row?: number;
  field: string;
  message: string;
}

/** An error the server explained: its Vietnamese (or English) message is shown as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: RowError[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function parse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (res.ok) return body as T;
  const err = (body ?? {}) as { code?: string; message?: string; errors?: RowError[] };
  throw new ApiError(res.status, err.code ?? 'unknown', err.message ?? res.statusText, err.errors ?? []);
}

async function send(url: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('accept-language', i18n.language);
  if (init.method && init.method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  try {
    return await fetch(url, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', i18n.t('common.networkError'));
  }
}

export async function apiGet<T>(url: string): Promise<T> {
  return parse<T>(await send(url, { method: 'GET' }));
}

export async function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  return parse<T>(await send(url, init));
}

/**
 * Uploads a file (multipart field `file`). `onProgress` gets the share sent, 0..1; fetch
 * cannot report it, so the upload then goes through XMLHttpRequest.
 */
export async function apiUpload<T>(url: string, file: File, onProgress?: (sent: number) => void): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  if (!onProgress) return parse<T>(await send(url, { method: 'POST', body: form }));
  const response = await new Promise<Response>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept-language', i18n.language);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () =>
      resolve(new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText }));
    xhr.onerror = () => reject(new ApiError(0, 'network', i18n.t('common.networkError')));
    xhr.send(form);
  });
  return parse<T>(response);
}
